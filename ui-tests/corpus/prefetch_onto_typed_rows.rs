// Mistake: prefetch_onto given typed rows (fetch_onto is the typed form)
// expect: Loaded
// fix: fetch_onto
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn f(db: &related::Sqlite) -> related::Result<()> {
    let mut posts = Post::query().select_related(Post::author()).fetch(db)?;
    Post::query().prefetch_related(Post::tags()).prefetch_onto(&mut posts, db)?;
    Ok(())
}
fn main() { let _ = f; }
