// Mistake: through given a type instead of the link table's name.
// expect: through
// fix: "
#[allow(unused_imports)]
use related::prelude::*;

#[derive(Clone, Debug, related::Model)]
pub struct Tag { pub id: i64 }
#[derive(Clone, Debug, related::Model)]
pub struct Post { pub id: i64, #[related(through = PostTag)] pub tags: ManyToMany<Tag> }

fn main() {}
