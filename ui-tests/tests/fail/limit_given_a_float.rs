// `limit(10.0)`: one error saying it takes an integer, not rustc's list of
// the ten integer types that would do.
#[path = "common/blog.rs"]
mod blog;

use blog::*;

fn main() {
    let _ = Post::query().limit(10.0);
}
