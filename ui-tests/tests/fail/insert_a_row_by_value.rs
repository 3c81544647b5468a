// `insert` takes `&row` and `insert_all` `&rows`: a row by value, a list
// given to `insert` or one row given to `insert_all` is one error naming
// the call to write, not rustc's 19-line type mismatch.
#[path = "common/blog.rs"]
mod blog;

use blog::*;

fn main() -> related::Result<()> {
    let db = related::Sqlite::open_in_memory()?;
    let author = Author::query().first(&db)?.unwrap();
    db.insert(author)?;
    Ok(())
}
