// SeaORM's `insert_many(..)`: one error naming `insert_all`, not rustc's
// "no method named `insert_many`" with its offer of `insert`.
#[path = "common/blog.rs"]
mod blog;

use blog::*;

fn main() -> related::Result<()> {
    let db = related::Sqlite::open_in_memory()?;
    let posts = Post::query().all(&db)?;
    db.insert_many(&posts)?;
    Ok(())
}
