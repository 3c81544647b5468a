// Mistake: filter called on a relation handle inside prefetch_related
// expect: filter
// fix: Prefetch::new
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn main() { let _ = Post::query().prefetch_related(Post::tags().filter(Tag::name().eq("x"))); }
