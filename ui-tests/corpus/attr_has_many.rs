// Mistake: SeaORM's has_many on a Vec field.
// expect: has_many
// fix: Reverse<Post>
#[allow(unused_imports)]
use related::prelude::*;

#[derive(Clone, Debug, related::Model)]
pub struct Author { pub id: i64, #[related(has_many = "Post")] pub posts: Vec<Post> }
#[derive(Clone, Debug, related::Model)]
pub struct Post { pub id: i64, pub author: ForeignKey<Author> }

fn main() {}
