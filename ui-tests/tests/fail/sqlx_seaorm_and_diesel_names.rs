// The names sqlx, SeaORM and Diesel users reach for first: one error each,
// naming the call to write instead.
#[path = "common/blog.rs"]
mod blog;

use blog::*;

// sqlx's are async, so they are awaited.
async fn sqlx(db: &related::AsyncSqlite) -> related::Result<()> {
    let _ = Post::query().fetch_all(db).await?;
    let _ = Post::query().fetch_optional(db).await?;
    Ok(())
}

fn main() -> related::Result<()> {
    let _ = sqlx;
    let db = related::Sqlite::open_in_memory()?;
    let _ = Post::query().load(&db)?;
    let _ = Post::find();
    let _ = Post::find_by_id(1);
    let authors = Author::query().all(&db)?;
    let _ = Post::belonging_to(&authors);
    Ok(())
}
