// Mistake: Django kwargs-like filter with column and value as two arguments
// expect: filter
// fix: eq(
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn main() { let _ = Post::query().filter(Post::title(), "x"); }
