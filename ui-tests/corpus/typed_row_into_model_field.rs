// Mistake: assigning a typed row where a model is expected
// expect: Loaded
// fix: into_inner
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn f(db: &related::Sqlite) -> related::Result<()> { let p = Post::query().select_related(Post::author()).fetch_one(db)?; let _m: Post = p; Ok(()) } fn main() { let _ = f; }
