// Django's `tags__isnull=True` written as `is_empty()` on the relation:
// one error naming the negated `any`.
#[path = "common/blog.rs"]
mod blog;

use blog::*;
use related::prelude::*;

fn main() {
    let _ = Post::query().filter(Post::tags().is_empty());
}
