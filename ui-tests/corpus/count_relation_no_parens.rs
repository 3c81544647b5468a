// Mistake: count relation without parentheses
// expect: tags
// fix: ()
use related::prelude::*;
#[derive(Clone, Debug, related::Model)]
pub struct Tag { pub id: i64 }
#[derive(Clone, Debug, related::Model)]
pub struct Post { pub id: i64, pub tags: ManyToMany<Tag>, pub tag_count: Counted<Tag> }
fn main() { let _ = Post::query().count_related(Post::tags, Post::tag_count()); }
