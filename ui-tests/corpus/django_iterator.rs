// Mistake: Django's .iterator() on a query.
// expect: iterator
// fix: all
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn main() { let _ = Post::query().iterator(); }
