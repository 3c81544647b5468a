// Mistake: order_by called on a relation handle to order prefetched rows
// expect: tags
// fix: Prefetch::new
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn main() { let _ = Post::query().prefetch_related(Post::tags().order_by(Tag::name().asc())); }
