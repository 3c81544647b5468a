// Mistake: a ManyToMany of Arc'd rows
// expect: ManyToMany<Arc<Tag>>
// fix: ManyToMany<Tag>
use related::prelude::*;
use std::sync::Arc;
#[derive(Clone, Debug, related::Model)]
pub struct Tag { pub id: i64 }
#[derive(Clone, Debug, related::Model)]
pub struct Post { pub id: i64, pub tags: ManyToMany<Arc<Tag>> }
fn main() {}
