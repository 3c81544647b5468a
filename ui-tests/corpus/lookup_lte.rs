// Mistake: Django's / SeaORM's lte.
// expect: lte
// fix: le
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn main() { let _ = Post::query().filter(Post::views().lte(5)); }
