// Mistake: is_empty on a query
// expect: is_empty
// fix: exists(&db)
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn main() { let _ = Post::query().is_empty(); }
