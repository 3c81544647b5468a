// Mistake: Django db_index on a field
// expect: db_index
// fix: remove it
#[allow(unused_imports)]
use related::prelude::*;

#[derive(Clone, Debug, related::Model)] pub struct Post { pub id: i64, #[related(db_index)] pub title: String } fn main() {}
