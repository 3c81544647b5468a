// Mistake: reverse naming the model, not its relation
// expect: Post
// fix: Post::author
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;
#[allow(unused_imports)]
use related::Loaded;

#[derive(Clone, Debug, related::Model)]
pub struct Writer { pub id: i64, #[related(reverse = Post)] pub posts: Reverse<Post> }
fn main() {}
