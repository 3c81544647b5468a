// Mistake: a function returning typed rows with `_` for the loaded set.
// expect: _
// fix: Loaded<
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn load(db: &related::Sqlite) -> related::Result<Vec<Loaded<Post, _>>> { Post::query().select_related(Post::author()).fetch(db) } fn main() { let _ = load; }
