// Mistake: Django's get(..) on a query.
// expect: get
// fix: .one(
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn main() -> related::Result<()> { let db = related::Sqlite::open_in_memory()?; let _ = Post::query().get(Post::id().eq(1)); let _ = db; Ok(()) }
