// Mistake: link given a text key where the key is an integer.
// expect: `&&str`
// fix: primary key
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn main() -> related::Result<()> { let db = related::Sqlite::open_in_memory()?; let p = Post::query().first(&db)?.unwrap(); let t = Tag::query().first(&db)?.unwrap(); db.link(Post::tags(), &"1", &t)?; Ok(()) }
