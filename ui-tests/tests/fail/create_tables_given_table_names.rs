// `create_tables` takes the models' `info()`: table names are one error
// naming the form.
fn main() -> related::Result<()> {
    let db = related::Sqlite::open_in_memory()?;
    db.create_tables(&["post", "tag"])?;
    Ok(())
}
