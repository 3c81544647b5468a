// A Prefetch of another model's relation: one error naming it.
#[path = "common/blog.rs"]
mod blog;

use blog::*;
use related::prelude::*;

fn main() {
    let _ = Comment::query().prefetch(Prefetch::new(Post::tags()));
}
