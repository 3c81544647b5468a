// Mistake: a Counted field set to a number when building a row for insert
// expect: comment_count
// fix: Counted::new()
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
    pub comment_count: Counted<Remark>,
}
#[derive(Clone, Debug, related::Model)]
pub struct Remark { pub id: i64, pub body: String, pub entry: ForeignKey<Entry> }

fn main() -> related::Result<()> {
    let db = related::Sqlite::open_in_memory()?;
    let e = Entry { id: 1, title: "t".into(), remarks: Reverse::new(), comment_count: 0 };
    db.insert(&e)?;
    Ok(())
}
