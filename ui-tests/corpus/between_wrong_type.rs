// Mistake: between with values of another type than the column.
// expect: views
// fix: two `i32`
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn main() { let _ = Post::query().filter(Post::views().between("a", "z")); }
