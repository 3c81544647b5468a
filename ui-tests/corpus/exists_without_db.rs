// Mistake: exists() called without the executor
// expect: exists
// fix: &db
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn main() { let _ = Post::query().exists(); }
