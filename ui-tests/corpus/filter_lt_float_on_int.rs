// Mistake: lt with a float on an integer column
// expect: views
// fix: i32
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn main() { let _ = Post::query().filter(Post::views().lt(2.5)); }
