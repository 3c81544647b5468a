// Mistake: assigning to a field of a typed row
// expect: title
// fix: into_inner
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn f(db: &related::Sqlite) -> related::Result<()> { let mut p = Post::query().select_related(Post::author()).fetch(db)?; p[0].title = "x".into(); Ok(()) } fn main() { let _ = f; }
