// Mistake: reading a count with get() on typed rows
// expect: tag_count
// fix: tag_count()
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

#[derive(Clone, Debug, related::Model)] pub struct Note { pub id: i64, pub tags: ManyToMany<Tag>, pub tag_count: Counted<Tag> } fn f(db: &related::Sqlite) -> related::Result<()> { let notes = Note::query().count_related(Note::tags(), Note::tag_count()).fetch(db)?; let n: u64 = notes[0].tag_count; let _ = n; Ok(()) } fn main() { let _ = f; }
