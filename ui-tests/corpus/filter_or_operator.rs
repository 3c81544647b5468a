// Mistake: two filters joined with `||` instead of `|`.
// expect: ||
// fix: |
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn main() { let _ = Post::query().filter(Post::views().gt(1) || Post::views().lt(5)); }
