// Mistake: Django len(qs) as a method on the query
// expect: len
// fix: count(&db)
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn main() { let _ = Post::query().len(); }
