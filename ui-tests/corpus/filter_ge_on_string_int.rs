// Mistake: ge with a string on an integer column
// expect: views
// fix: i32
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn main() { let _ = Post::query().filter(Post::views().ge("3")); }
