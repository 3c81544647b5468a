// Mistake: sqlx-style connect with a URL on the async embedded database
// expect: connect
// fix: open(
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn main() { let _ = related::AsyncSqlite::connect("sqlite://blog.db"); }
