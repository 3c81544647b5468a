// Mistake: a typed accessor after into_inner() dropped the loaded set
// expect: author
// fix: into_inner
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;
#[allow(unused_imports)]
use related::Loaded;

fn f(db: &related::Sqlite) -> related::Result<String> {
    let post = Post::query().select_related(Post::author()).fetch_one(db)?.into_inner();
    Ok(post.author().name.clone())
}
fn main() { let _ = f; }
