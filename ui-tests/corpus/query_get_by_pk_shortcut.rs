// Mistake: Django Post.objects.get(pk=1) as query().get(1)
// expect: get
// fix: one
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn f(db: &related::Sqlite) -> related::Result<()> { let _p = Post::query().get(1, db)?; Ok(()) } fn main() { let _ = f; }
