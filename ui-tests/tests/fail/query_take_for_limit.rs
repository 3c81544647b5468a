// Iterator's `take(n)` on a query names SQL's `.limit(n)` (and `skip(n)`
// `.offset(n)`): a query is not an iterator of its rows.
#[path = "common/blog.rs"]
mod blog;

use blog::*;

fn main() {
    let _ = Post::query().take(10);
}
