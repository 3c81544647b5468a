// Mistake: any() given a bare column, as Django's tags__name without a value
// expect: name
// fix: .eq(
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn main() -> related::Result<()> {
    let db = related::Sqlite::open_in_memory()?;
    let posts = Post::query().filter(Post::tags().any(Tag::name())).all(&db)?;
    println!("{}", posts.len());
    Ok(())
}
