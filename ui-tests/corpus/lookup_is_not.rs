// Mistake: is_not(..) for a not-equal comparison.
// expect: is_not
// fix: ne(
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn main() { let _ = Post::query().filter(Post::id().is_not(1)); }
