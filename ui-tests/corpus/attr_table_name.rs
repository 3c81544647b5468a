// Mistake: Diesel's / SeaORM's table_name.
// expect: table_name
// fix: table
#[allow(unused_imports)]
use related::prelude::*;

#[derive(Clone, Debug, related::Model)]
#[related(table_name = "posts")]
pub struct Post { pub id: i64 }

fn main() {}
