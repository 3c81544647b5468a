// Mistake: fetch_first's Option read as the row
// expect: author
// fix: expect
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;
#[allow(unused_imports)]
use related::Loaded;

fn f(db: &related::Sqlite) -> related::Result<()> {
    let post = Post::query().select_related(Post::author()).fetch_first(db)?;
    println!("{}", post.author().name);
    Ok(())
}
fn main() { let _ = f; }
