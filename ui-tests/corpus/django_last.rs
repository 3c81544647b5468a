// Mistake: Django's .last() on a query.
// expect: last
// fix: first(&db)
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn f(db: &related::Sqlite) -> related::Result<()> { let _p = Post::query().last(db)?; Ok(()) } fn main() {}
