// sqlx's `begin()` on the embedded database: one error naming
// `transaction(|db| ..)`, not the internal `Executor::begin`.
fn main() -> related::Result<()> {
    let db = related::Sqlite::open_in_memory()?;
    let _tx = db.begin()?;
    Ok(())
}
