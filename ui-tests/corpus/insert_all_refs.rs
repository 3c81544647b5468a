// Mistake: insert_all given a slice of references to rows
// expect: insert_all
// fix: .cloned()
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn f(db: &related::Sqlite, a: &Post, b: &Post) -> related::Result<()> {
    db.insert_all(&[a, b])
}
fn main() { let _ = f; }
