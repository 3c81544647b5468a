// Mistake: a Counted field without the model whose rows it counts
// expect: Counted
// fix: Counted<Target>
use related::prelude::*;
#[derive(Clone, Debug, related::Model)]
pub struct Tag { pub id: i64 }
#[derive(Clone, Debug, related::Model)]
pub struct Post { pub id: i64, pub tags: ManyToMany<Tag>, pub tag_count: Counted }
fn main() {}
