// Mistake: Prefetch filter given a bare column
// expect: name
// fix: eq
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn main() { let _ = Post::query().prefetch(related::Prefetch::new(Post::tags()).filter(Tag::name())); }
