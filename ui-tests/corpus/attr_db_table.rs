// Mistake: Django's db_table on the struct.
// expect: db_table
// fix: table
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

#[derive(Clone, Debug, related::Model)]
#[related(db_table = "app_note")]
pub struct Note { pub id: i64 }
fn main() {}
