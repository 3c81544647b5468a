// sqlx's `fetch_all(..)?` on a blocking database (no `.await`): one error
// naming `.all(&db)`; the `?` after it adds none (the call's type is left
// for rustc to infer, which it cannot once the bound fails).
#[path = "common/blog.rs"]
mod blog;

use blog::*;

fn main() -> related::Result<()> {
    let db = related::Sqlite::open_in_memory()?;
    let _ = Post::query().fetch_all(&db)?;
    Ok(())
}
