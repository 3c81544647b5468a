// Django's `order_by("-views")` written as `-Post::title()`: one error
// naming `.desc()`.
#[path = "common/blog.rs"]
mod blog;

use blog::*;

fn main() {
    let _ = Post::query().order_by(-Post::title());
}
