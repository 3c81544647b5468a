// Mistake: a nested Prefetch of the parent's relation.
// expect: author
// fix: Tag
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn main() { let _ = Post::query().prefetch(Prefetch::new(Post::tags()).prefetch(Prefetch::new(Post::author()))); }
