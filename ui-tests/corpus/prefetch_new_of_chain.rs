// Mistake: Prefetch::new given a chain
// expect: Prefetch
// fix: prefetch_below
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn main() { let _ = Post::query().prefetch(Prefetch::new(Post::author().then(Author::posts()))); }
