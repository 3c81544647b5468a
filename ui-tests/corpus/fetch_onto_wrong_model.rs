// Mistake: fetch_onto given rows of another model.
// expect: not `models::Tag`
// fix: the query's own rows
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn main() -> related::Result<()> { let db = related::Sqlite::open_in_memory()?; let tags: Vec<Tag> = Tag::query().all(&db)?; let typed = Post::query().prefetch_related(Post::tags()).fetch_onto(tags, &db)?; let _ = typed; Ok(()) }
