// Mistake: an empty through table name
// expect: through
// fix: remove
use related::prelude::*;
#[derive(Clone, Debug, related::Model)]
pub struct Tag { pub id: i64 }
#[derive(Clone, Debug, related::Model)]
pub struct Post { pub id: i64, #[related(through = "")] pub tags: ManyToMany<Tag> }
fn main() {}
