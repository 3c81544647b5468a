// Mistake: a float as a limit.
// expect: float
// fix: integer
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn main() { let _ = Post::query().limit(10.0); }
