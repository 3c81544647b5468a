// Mistake: query() called on a row.
// expect: query
// fix: Post::query()
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn f(p: &Post) { let _ = p.query(); }
fn main() {}
