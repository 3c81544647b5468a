// Mistake: a Prefetch passed to prefetch_related instead of prefetch
// expect: Prefetch
// fix: .prefetch(Prefetch
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn main() { let _ = Post::query().prefetch_related(Prefetch::new(Post::tags()).filter(Tag::name().eq("rust"))); }
