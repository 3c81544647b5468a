// Mistake: Django's / SeaORM's gte.
// expect: gte
// fix: ge
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn main() { let _ = Post::query().filter(Post::views().gte(5)); }
