// Mistake: Django's .create(..) on a query.
// expect: create
// fix: db.insert
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn f() -> related::Result<()> { let _p = Post::query().create(("title", "x"))?; Ok(()) } fn main() {}
