// Mistake: reading a field of a nullable loaded relation without Option handling
// expect: publisher
// fix: Option
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;
#[allow(unused_imports)]
use related::Loaded;

fn f(db: &related::Sqlite) -> related::Result<()> { let a = Author::query().select_related(Author::publisher()).fetch(db)?; let _ = &a[0].publisher().name; Ok(()) } fn main() { let _ = f; }
