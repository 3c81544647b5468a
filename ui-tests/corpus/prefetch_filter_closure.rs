// Mistake: a closure as a Prefetch filter, as iterator code
// expect: closure
// fix: eq
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;
#[allow(unused_imports)]
use related::Loaded;

fn main() { let _ = Post::query().prefetch(Prefetch::new(Post::tags()).filter(|t: &Tag| t.name == "rust")); }
