// Mistake: Django's defer().
// expect: defer
// fix: table =
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn main() { let _ = Post::query().defer(Post::title()); }
