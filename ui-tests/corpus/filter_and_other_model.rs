// Mistake: a condition on the related model ANDed with the query's own (Django's tags__name in the same filter)
// expect: Tag
// fix: any(
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn main() -> related::Result<()> {
    let db = related::Sqlite::open_in_memory()?;
    let posts = Post::query()
        .filter(Post::views().gt(10) & Tag::name().eq("rust"))
        .all(&db)?;
    println!("{}", posts.len());
    Ok(())
}
