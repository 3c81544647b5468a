// Mistake: Django's endswith lookup name
// expect: endswith
// fix: ends_with
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn main() { let _ = Post::query().filter(Post::title().endswith("x")); }
