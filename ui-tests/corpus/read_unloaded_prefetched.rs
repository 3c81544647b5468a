// Mistake: reading a Prefetched field no Prefetch::to filled.
// expect: python_tags
// fix: .to(Post::python_tags())
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn main() -> related::Result<()> {
    let db = related::Sqlite::open_in_memory()?;
    let posts = Post::query().prefetch_related(Post::tags()).fetch(&db)?;
    println!("{}", posts[0].python_tags().len());
    Ok(())
}
