// Mistake: Diesel's .or(..) after a filter.
// expect: or
// fix: |
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn main() { let _ = Post::query().filter(Post::id().eq(1)).or(Post::id().eq(2)); }
