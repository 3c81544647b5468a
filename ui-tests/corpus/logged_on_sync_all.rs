// Mistake: Logged (the async wrapper) around a blocking Sqlite for a sync all
// expect: Logged
// fix: db.log()
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn f(db: &related::Sqlite) -> related::Result<()> {
    let log = related::StatementLog::new();
    let _ = Post::query().all(&related::Logged::new(db, &log))?;
    Ok(())
}
fn main() { let _ = f; }
