// Django's `assertNumQueries` as a function name: one error naming
// `expect_statements`.
#[path = "common/blog.rs"]
mod blog;

use blog::*;

fn main() -> related::Result<()> {
    let db = related::Sqlite::open_in_memory()?;
    let posts = related::assert_num_queries(1, || Post::query().all(&db))?;
    let _ = posts;
    Ok(())
}
