// Mistake: read a field through a nullable loaded relation
// expect: publisher
// fix: Option
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn main() { let db = related::Sqlite::open_in_memory().unwrap(); let a = Author::query().select_related(Author::publisher()).fetch(&db).unwrap(); println!("{}", a[0].publisher().name); }
