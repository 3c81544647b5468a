// SeaORM's `db.update(&row)`: one error naming `execute`, where rustc
// said the database "is not a model" (the bound of a row's own methods).
#[path = "common/blog.rs"]
mod blog;

use blog::*;

fn main() -> related::Result<()> {
    let db = related::Sqlite::open_in_memory()?;
    let post = Post::query().first(&db)?.unwrap();
    db.update(&post)?;
    Ok(())
}
