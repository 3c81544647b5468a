// Mistake: prefetch_onto given the connection first and the rows second
// expect: prefetch_onto
// fix: &mut
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn main() -> related::Result<()> {
    let db = related::Sqlite::open_in_memory()?;
    let mut posts = db.raw::<Post>("SELECT * FROM post", &[])?;
    Post::query().prefetch_related(Post::tags()).prefetch_onto(&db, &mut posts)?;
    println!("{}", posts.len());
    Ok(())
}
