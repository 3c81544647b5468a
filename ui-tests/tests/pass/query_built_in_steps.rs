// A query built in steps: a helper returning a query with its relations
// in the type (`impl {Model}Has{Field}<..>`), and one whose relations
// depend on a run-time flag (the `_untyped` forms keep one type).
#[path = "../fail/common/blog.rs"]
mod blog;

use blog::*;
use related::prelude::*;
use related::{LoadSet, Plain, Query};

fn with_authors() -> Query<Post, impl PostHasAuthor<Plain<Author>> + LoadSet<Post>> {
    Post::query().select_related(Post::author())
}

fn dynamic(with_tags: bool) -> Query<Post> {
    let mut q = Post::query();
    if with_tags {
        q = q.prefetch_related_untyped(Post::tags());
    }
    q
}

fn main() -> related::Result<()> {
    let db = related::Sqlite::open_in_memory()?;
    db.create_tables(&[Author::info(), Tag::info(), Post::info()])?;
    db.insert(&Author { id: 1, name: "Ann".into() })?;
    db.insert(&Tag { id: 1, name: "rust".into() })?;
    db.insert(&Post { id: 1, title: "t".into(), author: ForeignKey::new(1), tags: ManyToMany::new() })?;
    db.link(Post::tags(), &1, &1)?;

    let posts = with_authors().filter(Post::id().eq(1)).fetch(&db)?;
    assert_eq!(posts[0].author().name, "Ann");

    let posts = dynamic(true).all(&db)?;
    assert_eq!(posts[0].tags.get()?.len(), 1);
    let posts = dynamic(false).all(&db)?;
    assert!(posts[0].tags.get().is_err());
    Ok(())
}
