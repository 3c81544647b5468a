// Mistake: Django's queryset update().
// expect: update
// fix: SQL
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn f(db: &related::Sqlite) { let _ = Post::query().filter(Post::id().eq(1)).update(db); } fn main() {}
