// Mistake: negating a column instead of a condition
// expect: title
// fix: eq(
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn main() { let _ = Post::query().filter(!Post::title()); }
