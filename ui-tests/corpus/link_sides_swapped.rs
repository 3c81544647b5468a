// Mistake: link given the related row first, the relation's own row second.
// expect: Tag` and `&models::Post` are not the two sides
// fix: own model comes first
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn main() -> related::Result<()> { let db = related::Sqlite::open_in_memory()?; let p = Post::query().first(&db)?.unwrap(); let t = Tag::query().first(&db)?.unwrap(); db.link(Post::tags(), &t, &p)?; Ok(()) }
