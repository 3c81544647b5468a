// Mistake: a u64 value on an i32 column.
// expect: views
// fix: i32
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn main() { let n: u64 = 3; let _ = Post::query().filter(Post::views().gt(n)); }
