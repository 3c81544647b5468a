// Django's and SeaORM's row methods: a row does not write itself; the
// error names `db.insert(&row)` and SQL.
use related::prelude::*;

#[path = "common/blog.rs"]
mod blog;

use blog::*;

fn save(db: &related::Sqlite, post: Post) -> related::Result<()> {
    post.save(db)
}

fn main() {
    let _ = save;
}
