// Mistake: Iterator's take on a query, for a limit.
// expect: take
// fix: .limit(
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn main() { let _ = Post::query().take(10); }
