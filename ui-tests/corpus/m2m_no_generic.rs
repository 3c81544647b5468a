// Mistake: a ManyToMany field without the model it points at
// expect: ManyToMany
// fix: ManyToMany<Target>
use related::prelude::*;
#[derive(Clone, Debug, related::Model)]
pub struct Tag { pub id: i64 }
#[derive(Clone, Debug, related::Model)]
pub struct Post { pub id: i64, pub tags: ManyToMany }
fn main() {}
