// Mistake: returning typed rows as Vec<Loaded<Post>> after loading the author
// expect: Loaded
// fix: impl PostHasAuthor
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;
#[allow(unused_imports)]
use related::Loaded;

fn load(db: &related::Sqlite) -> related::Result<Vec<Loaded<Post>>> { Post::query().select_related(Post::author()).fetch(db) } fn main() { let _ = load; }
