// Mistake: Django's __exact as exact(..).
// expect: exact
// fix: eq(
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn main() { let _ = Post::query().filter(Post::title().exact("x")); }
