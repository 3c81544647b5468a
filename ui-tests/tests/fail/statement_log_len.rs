// The statement log counts with `count()`: `len()` (and Django's
// `connection.queries` as `queries()`) is one error naming it, also inside
// `assert_eq!`.
fn main() -> related::Result<()> {
    let db = related::Sqlite::open_in_memory()?;
    db.execute("SELECT 1", &[])?;
    assert_eq!(db.log().len(), 1);
    Ok(())
}
