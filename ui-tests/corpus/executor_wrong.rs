// Mistake: all() with a String instead of a connection.
// expect: String
// fix: Executor
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn main() {
    let conn = String::from("db.sqlite");
    let _ = Post::query().all(&conn);
}
