// Mistake: Prefetch::new with a queryset argument
// expect: new
// fix: filter
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn main() { let _ = Post::query().prefetch(related::Prefetch::new(Post::tags(), Tag::query())); }
