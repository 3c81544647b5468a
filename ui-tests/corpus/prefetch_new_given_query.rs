// Mistake: Prefetch::new given the queryset instead of the relation
// expect: Query
// fix: queryset
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;
#[allow(unused_imports)]
use related::Loaded;

fn main() { let _ = Post::query().prefetch(Prefetch::new(Tag::query().filter(Tag::name().eq("rust")))); }
