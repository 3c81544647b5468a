// Mistake: calling get() on the loaded author of a typed row
// expect: get
// fix: author()
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;
#[allow(unused_imports)]
use related::Loaded;

fn f(db: &related::Sqlite) -> related::Result<()> { let posts = Post::query().select_related(Post::author()).fetch(db)?; let _ = posts[0].author().get(); Ok(()) } fn main() { let _ = f; }
