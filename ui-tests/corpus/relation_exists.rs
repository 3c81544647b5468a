// Mistake: exists() on a relation handle, for Django's comments__isnull=False
// expect: exists
// fix: any(
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn main() -> related::Result<()> {
    let db = related::Sqlite::open_in_memory()?;
    let posts = Post::query().filter(Post::comments().exists()).all(&db)?;
    println!("{}", posts.len());
    Ok(())
}
