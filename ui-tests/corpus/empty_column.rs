// Mistake: an empty column name
// expect: column
// fix: remove
use related::prelude::*;
#[derive(Clone, Debug, related::Model)]
pub struct Post { pub id: i64, #[related(column = "")] pub title: String }
fn main() {}
