// Mistake: Django's random ordering string.
// expect: &str
// fix: .asc()
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn main() { let _ = Post::query().order_by("?"); }
