// Mistake: a foreign_key attribute on an i64 key column.
// expect: foreign_key
// fix: ForeignKey<Author>
#[allow(unused_imports)]
use related::prelude::*;

#[derive(Clone, Debug, related::Model)]
pub struct Author { pub id: i64 }
#[derive(Clone, Debug, related::Model)]
pub struct Post { pub id: i64, #[related(foreign_key = Author)] pub author_id: i64 }

fn main() {}
