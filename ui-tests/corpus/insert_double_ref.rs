// Mistake: insert(&post) inside a for loop over &posts (a &&Post)
// expect: insert
// fix: is a reference already
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn main() -> related::Result<()> {
    let db = related::Sqlite::open_in_memory()?;
    let pubs = vec![Publisher { id: 1, name: "A".into() }, Publisher { id: 2, name: "B".into() }];
    for p in &pubs {
        db.insert(&p)?;
    }
    Ok(())
}
