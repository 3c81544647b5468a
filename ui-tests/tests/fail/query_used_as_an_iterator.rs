// A query is not an iterator of its rows: a `for` loop over it (or `map`,
// `collect`) is one error naming `.all(&db)?`, and Iterator's `take` /
// `skip` name `limit` / `offset`.
#[path = "common/blog.rs"]
mod blog;

use blog::*;

fn main() {
    for post in Post::query().filter(Post::id().gt(1)) {
        let _ = post;
    }
}
