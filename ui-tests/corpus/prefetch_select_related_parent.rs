// Mistake: select_related on a Prefetch given the parent's relation
// expect: author
// fix: Tag
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn main() { let _ = Post::query().prefetch(related::Prefetch::new(Post::tags()).select_related(Post::author())); }
