// Mistake: counting a relation with count_related, then reading its rows as if loaded
// expect: remarks
// fix: prefetch_related(Entry::remarks())
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
    let entries = Entry::query().count_related(Entry::remarks(), Entry::remark_count()).fetch(&db)?;
    for e in &entries {
        println!("{}: {} remarks, first {:?}", e.title, e.remark_count(), e.remarks().first().map(|r| &r.body));
    }
    Ok(())
}
