// Mistake: PostgreSQL's ilike.
// expect: ilike
// fix: icontains
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn main() { let _ = Post::query().filter(Post::title().ilike("%x%")); }
