// Mistake: Django's __year on a non-date column
// expect: year
// fix: views
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn main() { let _ = Post::query().filter(Post::views().year().eq(2024)); }
