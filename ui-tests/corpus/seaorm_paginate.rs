// Mistake: SeaORM's paginate.
// expect: paginate
// fix: limit(
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn f(db: &related::Sqlite) { let _ = Post::query().paginate(db, 10); } fn main() {}
