// Mistake: sqlx's rename as a related attribute.
// expect: rename
// fix: column
#[allow(unused_imports)]
use related::prelude::*;

#[derive(Clone, Debug, related::Model)]
pub struct Post { pub id: i64, #[related(rename = "t")] pub title: String }

fn main() {}
