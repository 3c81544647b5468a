// Mistake: gt with a bool on a text column
// expect: title
// fix: String
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn main() { let _ = Post::query().filter(Post::title().gt(true)); }
