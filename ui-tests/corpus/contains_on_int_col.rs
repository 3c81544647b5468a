// Mistake: contains on an integer column.
// expect: views
// fix: String
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn main() { let _ = Post::query().filter(Post::views().contains("1")); }
