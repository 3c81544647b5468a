// Mistake: Prefetch::queryset given the rows of a query already run
// expect: Vec<
// fix: with its filters
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn f(db: &related::Sqlite) -> related::Result<()> {
    let tags = Tag::query().filter(Tag::name().starts_with("r")).all(db)?;
    let _ = Post::query().prefetch(Prefetch::new(Post::tags()).queryset(tags)).all(db)?;
    Ok(())
}
fn main() { let _ = f; }
