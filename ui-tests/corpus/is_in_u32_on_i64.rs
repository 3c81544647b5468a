// Mistake: is_in with u32 values on an i64 column
// expect: id
// fix: i64
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn main() { let _ = Post::query().filter(Post::id().is_in(&[1u32, 2])); }
