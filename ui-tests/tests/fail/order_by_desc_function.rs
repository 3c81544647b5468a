// A direction written as a function of the column (`desc(col)`): one error
// naming the column's method, and the `order_by` around it adds none.
#[path = "common/blog.rs"]
mod blog;

use blog::*;

fn main() {
    let _ = Post::query().order_by(related::desc(Post::title()));
}
