// Mistake: a for loop over a filtered query.
// expect: Query
// fix: .all(
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn main() { for _p in Post::query().filter(Post::views().gt(1)) {} }
