// Mistake: Django's distinct().
// expect: distinct
// fix: remove it
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn main() { let _ = Post::query().distinct(); }
