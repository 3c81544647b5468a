// `post.query()`: a query starts at the model. One error naming
// `Post::query()`, not rustc's "this is an associated function, not a
// method" with its two candidates.
#[path = "common/blog.rs"]
mod blog;

use blog::*;
use related::prelude::*;

fn f(post: Post) -> Query<Post> {
    post.query()
}

fn main() {
    let _ = f;
}
