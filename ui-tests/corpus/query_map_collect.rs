// Mistake: mapping a query as an iterator.
// expect: Query
// fix: .all(
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn main() { let _: Vec<String> = Post::query().map(|p| p.title).collect(); }
