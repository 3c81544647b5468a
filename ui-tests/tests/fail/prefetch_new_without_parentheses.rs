// Prefetch::new of a handle without its parentheses.
#[path = "common/blog.rs"]
mod blog;

use blog::*;
use related::prelude::*;

fn main() {
    let _ = Post::query().prefetch(Prefetch::new(Post::tags));
}
