// Mistake: Django's __gt with a date string on an integer column
// expect: views
// fix: pass a `i32`
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn main() { let _ = Post::query().filter(Post::views().gt("2024-01-01")); }
