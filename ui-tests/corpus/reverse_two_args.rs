// Mistake: a Reverse given the source model and the mirrored model
// expect: Reverse
// fix: reverse = Post::field
use related::prelude::*;
#[derive(Clone, Debug, related::Model)]
pub struct Author { pub id: i64, pub posts: Reverse<Post, Author> }
#[derive(Clone, Debug, related::Model)]
pub struct Post { pub id: i64, pub author: ForeignKey<Author> }
fn main() {}
