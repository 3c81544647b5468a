// Mistake: Iterator's skip on a query, for an offset.
// expect: skip
// fix: .offset(
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn main() { let _ = Post::query().skip(10); }
