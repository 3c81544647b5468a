// Mistake: key() on a nullable foreign key without handling its Option
// expect: key
// fix: .map(
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn main() -> related::Result<()> {
    let db = related::Sqlite::open_in_memory()?;
    let authors = Author::query().all(&db)?;
    for a in &authors {
        println!("{} publishes with {}", a.name, a.publisher.key());
    }
    Ok(())
}
