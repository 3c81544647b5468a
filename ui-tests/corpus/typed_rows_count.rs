// Mistake: count() on a typed row's loaded comments, as Django's post.comments.count()
// expect: count
// fix: into_iter().count()
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;
#[allow(unused_imports)]
use related::Loaded;

fn f(db: &related::Sqlite) -> related::Result<()> {
    let post = Post::query().prefetch_related(Post::comments()).fetch_one(db)?;
    let n = post.comments().count();
    let _ = n;
    Ok(())
}
fn main() { let _ = f; }
