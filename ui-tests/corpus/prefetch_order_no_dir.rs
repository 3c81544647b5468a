// Mistake: Prefetch order_by without a direction.
// expect: name
// fix: asc
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn main() { let _ = Post::query().prefetch(Prefetch::new(Post::tags()).order_by(Tag::name())); }
