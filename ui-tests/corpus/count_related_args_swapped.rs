// Mistake: count_related given the Counted field first and the relation second
// expect: remark_count
// fix: count_related(Entry::remarks()
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

#[derive(Clone, Debug, related::Model)]
pub struct Entry {
    pub id: i64,
    pub title: String,
    #[related(reverse = Remark::entry)]
    pub remarks: Reverse<Remark>,
    pub remark_count: Counted<Remark>,
}
#[derive(Clone, Debug, related::Model)]
pub struct Remark { pub id: i64, pub body: String, pub entry: ForeignKey<Entry> }

fn main() -> related::Result<()> {
    let db = related::Sqlite::open_in_memory()?;
    let entries = Entry::query().count_related(Entry::remark_count(), Entry::remarks()).all(&db)?;
    println!("{}", entries.len());
    Ok(())
}
