// Mistake: a Prefetch queryset of the parent's model instead of the related one.
// expect: queryset
// fix: Tag::query()
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn main() { let _ = Post::query().prefetch(Prefetch::new(Post::tags()).queryset(Post::query().filter(Post::views().gt(3)))); }
