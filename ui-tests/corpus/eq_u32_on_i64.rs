// Mistake: a u32 variable on an i64 column.
// expect: u32
// fix: i64::from
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn main() {
    let n: u32 = 3;
    let _ = Post::query().filter(Post::id().eq(n));
}
