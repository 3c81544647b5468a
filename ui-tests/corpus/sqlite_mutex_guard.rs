// Mistake: a MutexGuard<Sqlite> passed where a connection goes
// expect: MutexGuard
// fix: &*
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn f(db: &std::sync::Mutex<related::Sqlite>) -> related::Result<Vec<Post>> {
    let conn = db.lock().unwrap();
    Post::query().all(&conn)
}
fn main() { let _ = f; }
