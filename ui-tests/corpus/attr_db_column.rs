// Mistake: Django's db_column option.
// expect: db_column
// fix: column
#[allow(unused_imports)]
use related::prelude::*;

#[derive(Clone, Debug, related::Model)]
pub struct Post { pub id: i64, #[related(db_column = "t")] pub title: String }

fn main() {}
