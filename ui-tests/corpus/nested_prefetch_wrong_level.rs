// Mistake: prefetch_related inside a Prefetch with the parent's relation.
// expect: comments
// fix: Tag
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn main() { let _ = Post::query().prefetch(Prefetch::new(Post::tags()).prefetch_related(Post::comments())); }
