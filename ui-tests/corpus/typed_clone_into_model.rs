// Mistake: a typed row's author cloned into a plain Author
// expect: Author
// fix: as_model()
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn f(db: &related::Sqlite) -> related::Result<Author> {
    let post = Post::query().select_related(Post::author()).fetch_one(db)?;
    let author: Author = post.author().clone();
    Ok(author)
}
fn main() { let _ = f; }
