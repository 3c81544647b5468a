// Mistake: db.link on a relation that is not many-to-many.
// expect: author
// fix: ManyToMany
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn main() -> related::Result<()> {
    let db = related::Sqlite::open_in_memory()?;
    db.link(Post::author(), &1, &1)?;
    Ok(())
}
