// Mistake: rusqlite's tuple of parameters given to execute
// expect: execute
// fix: Value
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn main() -> related::Result<()> {
    let db = related::Sqlite::open_in_memory()?;
    db.execute("UPDATE post SET views = ? WHERE id = ?", (10, 1))?;
    Ok(())
}
