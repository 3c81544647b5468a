// Mistake: a relation handle passed to .prefetch(..) instead of its Prefetch.
// expect: tags
// fix: .prefetch_related(Post::tags())
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn main() { let _ = Post::query().prefetch(Post::tags()); }
