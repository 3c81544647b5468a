// Mistake: a not_in list exclusion.
// expect: not_in
// fix: is_in(
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn main() { let _ = Post::query().filter(Post::id().not_in(vec![1])); }
