// Django's `none()`: one error naming what gives an empty result here.
#[path = "common/blog.rs"]
mod blog;

use blog::*;

fn main() {
    let _ = Post::query().none();
}
