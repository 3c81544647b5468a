// Mistake: a relation handle given to a Prefetch's prefetch(..) for the level below
// expect: posts
// fix: prefetch_related
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn main() -> related::Result<()> {
    let db = related::Sqlite::open_in_memory()?;
    let posts = Post::query()
        .prefetch(Prefetch::new(Post::tags()).filter(Tag::name().ne("misc")).prefetch(Tag::posts()))
        .all(&db)?;
    println!("{}", posts.len());
    Ok(())
}
