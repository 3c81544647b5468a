// Mistake: insert of a struct without the derive.
// expect: Draft
// fix: derive
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

#[derive(Clone, Debug)]
pub struct Draft { pub id: i64 }
fn main() -> related::Result<()> { let db = related::Sqlite::open_in_memory()?; db.insert(&Draft { id: 1 })?; Ok(()) }
