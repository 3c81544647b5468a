// Mistake: Django's only() to load fewer columns.
// expect: only
// fix: table =
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn main() { let _ = Post::query().only(Post::title()); }
