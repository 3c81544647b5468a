// Mistake: select_related of the parent's relation inside a Prefetch.
// expect: author
// fix: Prefetch
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn main() { let _ = Post::query().prefetch(Prefetch::new(Post::tags()).select_related(Post::author())); }
