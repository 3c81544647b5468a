// `len()` on a query (Django's `len(qs)`): a query is not its rows; one
// error naming `.count(&db)`.
#[path = "common/blog.rs"]
mod blog;

use blog::*;

fn main() {
    let _ = Post::query().len();
}
