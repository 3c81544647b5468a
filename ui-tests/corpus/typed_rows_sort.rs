// Mistake: sorting a typed row's loaded rows in place
// expect: sort_by
// fix: order_by
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn f(db: &related::Sqlite) -> related::Result<()> {
    let post = Post::query().prefetch_related(Post::tags()).fetch_one(db)?;
    post.tags().sort_by(|a, b| a.name.cmp(&b.name));
    Ok(())
}
fn main() { let _ = f; }
