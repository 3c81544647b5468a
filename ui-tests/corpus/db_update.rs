// Mistake: db.update(&row), as SeaORM's / Diesel's update
// expect: update
// fix: execute
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn f(db: &related::Sqlite, mut post: Post) -> related::Result<()> {
    post.title = "new".into();
    db.update(&post)
}
fn main() { let _ = f; }
