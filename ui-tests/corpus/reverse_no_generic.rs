// Mistake: a Reverse field without its type argument
// expect: Reverse
// fix: Reverse<Post>
use related::prelude::*;
#[derive(Clone, Debug, related::Model)]
pub struct Author { pub id: i64, #[related(reverse = Post::author)] pub posts: Reverse }
#[derive(Clone, Debug, related::Model)]
pub struct Post { pub id: i64, pub author: ForeignKey<Author> }
fn main() {}
