// Mistake: reverse given as a Django-style dotted string.
// expect: Post::author
// fix: Post::author
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

#[derive(Clone, Debug, related::Model)]
pub struct Writer { pub id: i64, #[related(reverse = "Post.author")] pub posts: Reverse<Post> }
fn main() {}
