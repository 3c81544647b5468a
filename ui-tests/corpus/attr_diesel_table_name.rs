// Mistake: Diesel's table attribute kept on a related model
// expect: diesel
// fix: related(table
#[allow(unused_imports)]
use related::prelude::*;

#[derive(Clone, Debug, related::Model)]
#[diesel(table_name = posts)]
pub struct Post { pub id: i64, pub title: String }
fn main() {}
