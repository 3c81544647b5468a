// Mistake: Django's objects.get(pk=1) as query().get(filter)?
// expect: get
// fix: one(&db)
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn f(db: &related::Sqlite) -> related::Result<()> { let _p = Post::query().get(Post::id().eq(1))?; let _ = db; Ok(()) } fn main() { let _ = f; }
