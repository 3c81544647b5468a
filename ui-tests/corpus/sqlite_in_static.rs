// Mistake: the blocking Sqlite in a static OnceLock
// expect: Sqlite
// fix: AsyncSqlite
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

static DB: std::sync::OnceLock<related::Sqlite> = std::sync::OnceLock::new(); fn main() { let _ = DB.get(); }
