// The database given by value to a blocking load (`all(db)`), and a
// `Dialect` call given the database: one error each naming the form.

#[derive(Clone, Debug, related::Model)]
pub struct Post {
    pub id: i64,
}

fn main() -> related::Result<()> {
    let db = related::Sqlite::open_in_memory()?;
    let _ = Post::query().plan(&db);
    let _ = Post::query().all(db)?;
    Ok(())
}
