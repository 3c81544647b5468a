// Mistake: count() read into a usize
// expect: count
// fix: u64
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;
#[allow(unused_imports)]
use related::Loaded;

fn f(db: &related::Sqlite) -> related::Result<usize> {
    let n: usize = Post::query().count(db)?;
    Ok(n)
}
fn main() { let _ = f; }
