// Mistake: a Prefetch of another model's relation.
// expect: tags
// fix: Prefetch::new(Post::tags())
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn main() { let _ = Comment::query().prefetch(Prefetch::new(Post::tags())); }
