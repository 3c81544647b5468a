// Mistake: fetch_onto given &mut rows like prefetch_onto
// expect: fetch_onto
// fix: fetch_onto(rows
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;
#[allow(unused_imports)]
use related::Loaded;

fn f(db: &related::Sqlite, mut posts: Vec<Post>) -> related::Result<()> { let _ = Post::query().prefetch_related(Post::tags()).fetch_onto(&mut posts, db)?; Ok(()) } fn main() { let _ = f; }
