// Mistake: the reverse attribute on a ManyToMany field
// expect: reverse
// fix: Reverse
use related::prelude::*;
#[derive(Clone, Debug, related::Model)]
pub struct Tag { pub id: i64, #[related(reverse = Post::tags)] pub posts: ManyToMany<Post> }
#[derive(Clone, Debug, related::Model)]
pub struct Post { pub id: i64, pub tags: ManyToMany<Tag> }
fn main() {}
