// The forms the executor and query methods take and must keep taking:
// `prefetch_onto` reborrows a `&mut Vec` binding the caller passes on (a
// generic argument would move it), `create_tables` takes any list of the
// models' `info()`, `fetch_onto` takes its rows by value, `insert` and
// `insert_all` take typed rows as they take models.
#[path = "../fail/common/blog.rs"]
mod blog;

use blog::*;
use related::prelude::*;

fn fill(db: &related::Sqlite, rows: &mut Vec<Post>) -> related::Result<usize> {
    Post::query()
        .prefetch_related(Post::tags())
        .prefetch_onto(rows, db)?;
    // `rows` is still usable: it was reborrowed, not moved.
    Ok(rows.iter().map(|p| p.tags.get().map_or(0, <[_]>::len)).sum())
}

/// One post with one tag in `db`, whose tables the caller created: an
/// error if `create_tables` left any out.
fn blog(db: &related::Sqlite) -> related::Result<Vec<Post>> {
    db.insert(&Author { id: 1, name: "Ann".into() })?;
    db.insert(&Tag { id: 1, name: "rust".into() })?;
    db.insert(&Post {
        id: 1,
        title: "t".into(),
        author: ForeignKey::new(1),
        tags: ManyToMany::new(),
    })?;
    db.link(Post::tags(), &1, &1)?;
    Post::query().all(db)
}

fn main() -> related::Result<()> {
    let db = related::Sqlite::open_in_memory()?;
    db.create_tables(&[Author::info(), Tag::info(), Post::info()])?;
    let other = related::Sqlite::open_in_memory()?;
    other.create_tables(vec![Post::info(), Tag::info(), Author::info()])?;
    let third = related::Sqlite::open_in_memory()?;
    third.create_tables([Author::info, Tag::info, Post::info].iter())?;
    for db in [&db, &other, &third] {
        let mut rows = blog(db)?;
        assert_eq!(fill(db, &mut rows)?, 1);
        let typed = Post::query()
            .prefetch_related(Post::author())
            .fetch_onto(rows, db)?;
        assert_eq!(typed[0].author().name, "Ann");
        assert_eq!(typed[0].tags.get()?.len(), 1);
    }
    // Typed rows go into another database as their models.
    let authors = Author::query().fetch(&db)?;
    let posts = Post::query().select_related(Post::author()).fetch(&db)?;
    let copy = related::Sqlite::open_in_memory()?;
    copy.create_tables(&[Author::info(), Tag::info(), Post::info()])?;
    copy.insert_all(&authors)?;
    copy.insert(&posts[0])?;
    let again = Post::query().select_related(Post::author()).fetch(&copy)?;
    assert_eq!((again[0].id, again[0].author().name.as_str()), (posts[0].id, "Ann"));
    Ok(())
}
