// Mistake: eq(Some("x")) on an Option<String> column
// expect: subtitle
// fix: map(String::from)
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn main() { let _ = Post::query().filter(Post::subtitle().eq(Some("x"))); }
