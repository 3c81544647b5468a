// Mistake: indexing a query for one row, as Django's Post.objects.all()[0].
// expect: not its rows
// fix: .all(
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn f(db: &related::Sqlite) { let _ = &Post::query()[0]; let _ = db; } fn main() {}
