// Mistake: db.link on the reverse side of a foreign key.
// expect: comments
// fix: ManyToMany
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn main() -> related::Result<()> {
    let db = related::Sqlite::open_in_memory()?;
    db.link(Post::comments(), &1, &1)?;
    Ok(())
}
