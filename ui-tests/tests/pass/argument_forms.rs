// The forms the executor and query methods take and must keep taking:
// `prefetch_onto` reborrows a `&mut Vec` binding the caller passes on (a
// generic argument would move it), `create_tables` takes any list of the
// models' `info()`, `fetch_onto` takes its rows by value.
#[path = "../fail/common/blog.rs"]
mod blog;

use blog::*;
use related::prelude::*;

fn fill(db: &related::Sqlite, rows: &mut Vec<Post>) -> related::Result<usize> {
    Post::query()
        .prefetch_related(Post::tags())
        .prefetch_onto(rows, db)?;
    // `rows` is still usable: it was reborrowed, not moved.
    Post::query()
        .prefetch_related(Post::tags())
        .prefetch_onto(rows, db)?;
    Ok(rows.len())
}

fn main() -> related::Result<()> {
    let db = related::Sqlite::open_in_memory()?;
    db.create_tables(&[Author::info(), Tag::info(), Post::info()])?;
    let other = related::Sqlite::open_in_memory()?;
    other.create_tables(vec![Post::info(), Tag::info(), Author::info()])?;
    let third = related::Sqlite::open_in_memory()?;
    third.create_tables([Author::info, Tag::info, Post::info].iter())?;
    let mut rows = Vec::new();
    fill(&db, &mut rows)?;
    let typed = Post::query()
        .prefetch_related(Post::tags())
        .fetch_onto(rows, &db)?;
    assert!(typed.is_empty());
    Ok(())
}
