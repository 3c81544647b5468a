// Mistake: Django's regex lookup
// expect: regex
// fix: like
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn main() { let _ = Post::query().filter(Post::title().regex("^a")); }
