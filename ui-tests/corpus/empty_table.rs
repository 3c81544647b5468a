// Mistake: an empty table name
// expect: table
// fix: remove
use related::prelude::*;
#[derive(Clone, Debug, related::Model)]
#[related(table = "")]
pub struct Post { pub id: i64 }
fn main() {}
