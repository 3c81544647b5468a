// Mistake: a Django ordering string in a Prefetch's order_by
// expect: &str
// fix: .asc()
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;
#[allow(unused_imports)]
use related::Loaded;

fn main() { let _ = Post::query().prefetch(Prefetch::new(Post::tags()).order_by("-name")); }
