// Mistake: a typed read of a relation loaded with the _untyped form
// expect: tags
// fix: prefetch_related(Post::tags())
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;
#[allow(unused_imports)]
use related::Loaded;

fn f(db: &related::Sqlite) -> related::Result<()> {
    let posts = Post::query().prefetch_related_untyped(Post::tags()).fetch(db)?;
    let _ = posts[0].tags().len();
    Ok(())
}
fn main() { let _ = f; }
