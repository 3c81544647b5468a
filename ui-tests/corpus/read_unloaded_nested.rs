// Mistake: reading a relation one level below what was loaded.
// expect: publisher
// fix: Author::publisher()
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn main() -> related::Result<()> {
    let db = related::Sqlite::open_in_memory()?;
    let posts = Post::query().select_related(Post::author()).fetch(&db)?;
    if let Some(publisher) = posts[0].author().publisher() {
        println!("{}", publisher.name);
    }
    Ok(())
}
