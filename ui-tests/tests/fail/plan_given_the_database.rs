// `plan(&db)`: `plan` takes a `Dialect`; the database you hold is
// `plan_for(&db)`. One error naming it.
#[derive(Clone, Debug, related::Model)]
pub struct Post {
    pub id: i64,
}

fn main() -> related::Result<()> {
    let db = related::Sqlite::open_in_memory()?;
    let _ = Post::query().plan(&db);
    Ok(())
}
