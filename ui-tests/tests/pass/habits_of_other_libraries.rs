// Forms users bring from Django, Diesel and sqlx that are accepted as they
// are: `all(&mut db)`, a filter built with `|=` / `&=` in a loop, orderings
// kept in a `Vec` and passed by reference, `ForeignKey::from(row)` by value.
// Each query is run, and its rows checked.
#[path = "../fail/common/blog.rs"]
mod blog;

use blog::*;
use related::prelude::*;

/// A generic helper over any blocking executor, calling loads twice on the
/// same reference (it must not be moved by the first call).
fn titles<E: related::Executor>(db: &E, filter: related::Filter<Post>) -> related::Result<Vec<String>> {
    let n = Post::query().filter(filter.clone()).count(db)?;
    let rows = Post::query()
        .filter(filter)
        .order_by(Post::id().asc())
        .all(db)?;
    assert_eq!(n, rows.len() as u64);
    Ok(rows.into_iter().map(|p| p.title).collect())
}

fn main() -> related::Result<()> {
    let mut db = related::Sqlite::open_in_memory()?;
    db.create_tables(&[Author::info(), Tag::info(), Post::info()])?;
    let ann = Author { id: 1, name: "Ann".into() };
    db.insert(&ann)?;
    for (id, title) in [(1, "a"), (2, "b"), (3, "c"), (4, "d")] {
        db.insert(&Post {
            id,
            title: title.into(),
            author: ForeignKey::from(ann.clone()),
            tags: ManyToMany::new(),
        })?;
    }

    // Diesel's `&mut conn`.
    assert_eq!(Post::query().all(&mut db)?.len(), 4);
    assert_eq!(Post::query().fetch(&mut db)?.len(), 4);

    // Django's `q |= Q(..)` in a loop.
    let mut wanted = Post::id().eq(1);
    for id in [3, 4] {
        wanted |= Post::id().eq(id);
    }
    assert_eq!(titles(&db, wanted)?, ["a", "c", "d"]);
    let mut between = Post::id().gt(1);
    between &= Post::id().lt(4);
    assert_eq!(titles(&db, between)?, ["b", "c"]);

    // Orderings chosen at run time, kept and reused by reference.
    let orders = vec![Post::title().desc()];
    let first = Post::query().order_by(&orders).all(&db)?;
    let again = Post::query().order_by(&orders[..]).all(&db)?;
    assert_eq!(first[0].title, "d");
    assert_eq!(again[0].title, "d");
    assert_eq!(orders.len(), 1);

    // The row given by value to `ForeignKey::from` kept its key.
    let posts = Post::query().select_related(Post::author()).fetch(&db)?;
    assert!(posts.iter().all(|p| p.author().name == "Ann"));
    Ok(())
}
