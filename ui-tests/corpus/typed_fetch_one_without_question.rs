// Mistake: fetch_one's Result read as the row (no `?`)
// expect: author
// fix: ?
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;
#[allow(unused_imports)]
use related::Loaded;

fn f(db: &related::Sqlite) -> related::Result<()> {
    let post = Post::query().select_related(Post::author()).fetch_one(db);
    println!("{}", post.author().name);
    Ok(())
}
fn main() { let _ = f; }
