// sqlx's `begin()` on the async embedded database: one error naming
// `transaction(|db| ..)` inside `with`.
fn main() -> related::Result<()> {
    let db = related::AsyncSqlite::open_in_memory()?;
    let _tx = db.begin();
    Ok(())
}
