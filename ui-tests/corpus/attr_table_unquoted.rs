// Mistake: the table name without quotes.
// expect: app_note
// fix: "app_note"
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

#[derive(Clone, Debug, related::Model)]
#[related(table = app_note)]
pub struct Note { pub id: i64 }
fn main() {}
