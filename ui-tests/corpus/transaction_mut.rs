// Mistake: a transaction closure taking the db by &mut
// expect: transaction
// fix: &
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn f(db: &related::Sqlite) -> related::Result<()> { db.transaction(|tx: &mut related::Sqlite| { let _ = tx; Ok(()) }) } fn main() { let _ = f; }
