// Mistake: link given the rows instead of their keys.
// expect: &i64
// fix: &i64
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn main() -> related::Result<()> { let db = related::Sqlite::open_in_memory()?; let p = Post::query().first(&db)?.unwrap(); let t = Tag::query().first(&db)?.unwrap(); db.link(Post::tags(), &p, &t)?; Ok(()) }
