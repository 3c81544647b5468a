// Mistake: exclude with column and value
// expect: exclude
// fix: ne(
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn main() { let _ = Post::query().exclude(Post::title(), "x"); }
