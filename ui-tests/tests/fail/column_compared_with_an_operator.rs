// `==` on a column handle is a Rust comparison, not a filter: one error
// naming the column and `.eq(value)`.
#[path = "common/blog.rs"]
mod blog;

use blog::*;

fn main() {
    let is_hello = Post::title() == "hello";
    let _ = is_hello;
}
