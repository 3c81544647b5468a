// The names sqlx, SeaORM and Diesel users reach for first: one error each,
// naming the call to write instead.
#[path = "common/blog.rs"]
mod blog;

use blog::*;

fn main() -> related::Result<()> {
    let db = related::Sqlite::open_in_memory()?;
    let _ = Post::query().fetch_all(&db)?;
    let _ = Post::query().fetch_optional(&db)?;
    let _ = Post::query().load(&db)?;
    let _ = Post::find();
    let _ = Post::find_by_id(1);
    let authors = Author::query().all(&db)?;
    let _ = Post::belonging_to(&authors);
    Ok(())
}
