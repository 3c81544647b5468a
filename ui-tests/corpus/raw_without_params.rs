// Mistake: raw SQL given without its parameter list
// expect: raw
// fix: &[]
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn main() -> related::Result<()> {
    let db = related::Sqlite::open_in_memory()?;
    let posts = db.raw::<Post>("SELECT * FROM post ORDER BY views DESC")?;
    println!("{}", posts.len());
    Ok(())
}
