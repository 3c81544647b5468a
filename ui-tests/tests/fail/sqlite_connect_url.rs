// sqlx's `connect(url)` on the embedded database: one error naming `open`.
fn main() {
    let _ = related::Sqlite::connect("sqlite://blog.db");
}
