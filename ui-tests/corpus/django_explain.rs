// Mistake: Django's explain() to see the SQL
// expect: explain
// fix: plan_for
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn main() -> related::Result<()> {
    let db = related::Sqlite::open_in_memory()?;
    let q = Post::query().select_related(Post::author());
    println!("{}", q.explain(&db)?);
    Ok(())
}
