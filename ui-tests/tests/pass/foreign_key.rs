// A ForeignKey, followed alone, in a chain, and by prefetch; its key column
// gets a handle named after the column.
use related::prelude::*;

#[derive(Clone, Debug, related::Model)]
pub struct Publisher {
    pub id: i64,
    pub name: String,
}

#[derive(Clone, Debug, related::Model)]
pub struct Author {
    pub id: i64,
    pub name: String,
    pub publisher: ForeignKey<Publisher>,
}

#[derive(Clone, Debug, related::Model)]
#[related(table = "blog_post")]
pub struct Post {
    pub id: i64,
    #[related(column = "post_title")]
    pub title: String,
    pub author: ForeignKey<Author>,
}

fn main() {
    let _ = Post::query().select_related(Post::author());
    let _ = Post::query().select_related(Post::author().then(Author::publisher()));
    let _ = Post::query().prefetch_related(Post::author().then(Author::publisher()));
    let _ = Post::query()
        .filter(Post::author_id().eq(1))
        .order_by(Post::title().asc());

    let info = Post::info();
    assert_eq!(info.table, "blog_post");
    let columns: Vec<_> = info.columns.iter().map(|c| c.name).collect();
    assert_eq!(columns, ["id", "post_title", "author_id"]);
    assert_eq!(info.pk, 0);
    let author = &info.columns[2];
    assert!(!author.nullable && !author.unique);
    assert_eq!((author.references.unwrap())().table, "author");
    assert_eq!(Post::title().name(), "post_title");
    assert_eq!(
        (info.relations[0])().kind,
        related::RelationKind::ForeignKey { column: "author_id", nullable: false }
    );
}
