// Mistake: select_related with a Prefetch
// expect: Prefetch
// fix: .prefetch(
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn main() { let _ = Post::query().select_related(Prefetch::new(Post::author())); }
