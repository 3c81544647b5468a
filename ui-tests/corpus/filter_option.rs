// Mistake: filter given an Option<Filter> built from optional request parameters
// expect: Option
// fix: if let Some
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn search(db: &related::Sqlite, title: Option<&str>) -> related::Result<Vec<Post>> {
    let cond = title.map(|t| Post::title().contains(t));
    Post::query().filter(cond).all(db)
}
fn main() { let _ = search; }
