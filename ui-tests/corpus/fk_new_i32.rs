// Mistake: ForeignKey::new given an i32 key read from a request where the key is i64
// expect: ForeignKey
// fix: i64::from
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn main() -> related::Result<()> {
    let db = related::Sqlite::open_in_memory()?;
    let post_id: i32 = 7;
    let c = Comment { id: 1, body: "hi".into(), post: ForeignKey::new(post_id) };
    db.insert(&c)?;
    Ok(())
}
