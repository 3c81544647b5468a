// Mistake: the id of the inserted row read from insert's result
// expect: i64
// fix: post.id
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn f(db: &related::Sqlite, post: Post) -> related::Result<i64> {
    let id: i64 = db.insert(&post)?;
    Ok(id)
}
fn main() { let _ = f; }
