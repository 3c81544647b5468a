// Mistake: limit given an optional page size read from a request
// expect: Option<u32>
// fix: unwrap_or
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn page(db: &related::Sqlite, per_page: Option<u32>) -> related::Result<Vec<Post>> {
    Post::query().order_by(Post::id().desc()).limit(per_page).all(db)
}
fn main() { let _ = page; }
