// Django's `__regex`: one error naming the portable pattern lookups.
#[path = "common/blog.rs"]
mod blog;

use blog::*;

fn main() {
    let _ = Post::query().filter(Post::title().regex("^R"));
}
