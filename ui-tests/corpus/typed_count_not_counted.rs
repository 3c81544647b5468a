// Mistake: reading a count the query did not count
// expect: tag_count
// fix: count_related
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;
#[allow(unused_imports)]
use related::Loaded;

#[derive(Clone, Debug, related::Model)] pub struct Note { pub id: i64, pub tags: ManyToMany<Tag>, pub tag_count: Counted<Tag> } fn f(db: &related::Sqlite) -> related::Result<()> { let notes = Note::query().prefetch_related(Note::tags()).fetch(db)?; let _ = notes[0].tag_count(); Ok(()) } fn main() { let _ = f; }
