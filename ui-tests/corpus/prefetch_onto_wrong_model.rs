// Mistake: prefetch_onto given rows of another model.
// expect: not `models::Tag`
// fix: the query's own rows
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn main() -> related::Result<()> { let db = related::Sqlite::open_in_memory()?; let mut tags: Vec<Tag> = Vec::new(); Post::query().prefetch_related(Post::tags()).prefetch_onto(&mut tags, &db)?; Ok(()) }
