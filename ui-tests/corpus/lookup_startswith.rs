// Mistake: Django's startswith without the underscore.
// expect: startswith
// fix: starts_with
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn main() { let _ = Post::query().filter(Post::title().startswith("a")); }
