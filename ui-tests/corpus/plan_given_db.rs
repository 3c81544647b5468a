// Mistake: plan() given the connection instead of a dialect
// expect: plan
// fix: plan_for(&db)
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn main() -> related::Result<()> {
    let db = related::Sqlite::open_in_memory()?;
    let q = Post::query().select_related(Post::author()).prefetch_related(Post::tags());
    for s in q.plan(&db) { println!("{:?}", s); }
    Ok(())
}
