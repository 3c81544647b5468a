// Mistake: Prefetch::new of a handle without its parentheses.
// expect: tags
// fix: Post::tags()
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn main() { let _ = Post::query().prefetch(Prefetch::new(Post::tags)); }
