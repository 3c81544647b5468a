// Mistake: SeaORM's / Diesel's belongs_to on a key column.
// expect: belongs_to
// fix: ForeignKey<Author>
#[allow(unused_imports)]
use related::prelude::*;

#[derive(Clone, Debug, related::Model)]
pub struct Author { pub id: i64 }
#[derive(Clone, Debug, related::Model)]
pub struct Post { pub id: i64, #[related(belongs_to = "Author")] pub author_id: i64 }

fn main() {}
