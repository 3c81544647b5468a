// Mistake: a Prefetch queryset given as Django's lookup string.
// expect: queryset
// fix: Tag::query()
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn main() { let _ = Post::query().prefetch(Prefetch::new(Post::tags()).queryset("Tag.objects.all()")); }
