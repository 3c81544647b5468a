// Mistake: then() on a Prefetched field's handle.
// expect: python_tags
// fix: Prefetch
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn main() { let _ = Post::query().prefetch_related(Post::python_tags().then(Tag::posts())); }
