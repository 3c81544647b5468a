// The sync statement budget runs a closure: an async load passed to it is
// one error naming the `_async` form.
#[path = "common/blog.rs"]
mod blog;

use blog::*;

async fn count(db: &related::AsyncSqlite) -> related::Result<()> {
    let _ = related::expect_statements(1, Post::query().all_async(db));
    Ok(())
}

fn main() {
    let _ = count;
}
