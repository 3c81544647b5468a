// Mistake: Prefetch filter with a bare column.
// expect: name
// fix: eq
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn main() { let _ = Post::query().prefetch(Prefetch::new(Post::tags()).filter(Tag::name())); }
