// Mistake: a ManyToMany given its link model as a second argument
// expect: ManyToMany
// fix: through
use related::prelude::*;
#[derive(Clone, Debug, related::Model)]
pub struct Tag { pub id: i64 }
#[derive(Clone, Debug, related::Model)]
pub struct PostTag { pub id: i64, pub post: ForeignKey<Post>, pub tag: ForeignKey<Tag> }
#[derive(Clone, Debug, related::Model)]
pub struct Post { pub id: i64, pub tags: ManyToMany<Tag, PostTag> }
fn main() {}
