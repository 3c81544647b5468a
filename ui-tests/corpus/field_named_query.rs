// Mistake: a model with a column named query (a search log)
// expect: query
// fix: column
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

#[derive(Clone, Debug, related::Model)]
pub struct Search { pub id: i64, pub query: String, pub hits: i32 }
fn main() -> related::Result<()> {
    let db = related::Sqlite::open_in_memory()?;
    let s = Search::query().filter(Search::hits().gt(0)).all(&db)?;
    println!("{}", s.len());
    Ok(())
}
