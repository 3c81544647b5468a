// Mistake: rows where their keys go in is_in.
// expect: Post
// fix: r.id
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn f(posts: &[Post]) { let _ = Post::query().filter(Post::id().is_in(posts)); } fn main() {}
