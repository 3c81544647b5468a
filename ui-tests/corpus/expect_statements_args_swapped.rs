// Mistake: expect_statements given the closure first
// expect: expect_statements
// fix: expect_statements(2
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;
#[allow(unused_imports)]
use related::Loaded;

fn f(db: &related::Sqlite) -> related::Result<()> {
    let posts = related::expect_statements(|| Post::query().all(db), 2)?;
    let _ = posts;
    Ok(())
}
fn main() { let _ = f; }
