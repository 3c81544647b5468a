// Mistake: filter on a relation handle
// expect: `tags` is a relation handle
// fix: Prefetch::new(Model::
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn main() { let _ = Post::query().prefetch_related(Post::tags().filter(Tag::name().eq("x"))); }
