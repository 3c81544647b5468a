// Mistake: reading the related row through the field on a typed row.
// expect: name
// fix: author()
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn main() -> related::Result<()> { let db = related::Sqlite::open_in_memory()?; for p in Post::query().select_related(Post::author()).fetch(&db)? { let _ = p.author().name.clone(); let _: &String = &p.author.name; } Ok(()) }
