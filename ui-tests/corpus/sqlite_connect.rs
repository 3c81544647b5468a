// Mistake: sqlx-style Sqlite::connect
// expect: connect
// fix: open(
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn main() { let _ = related::Sqlite::connect("blog.db"); }
