// `Reverse<T>` mirroring a ForeignKey: prefetched, alone or in chains.
use related::prelude::*;

#[derive(Clone, Debug, related::Model)]
pub struct Author {
    pub id: i64,
    pub name: String,
    #[related(reverse = Post::author)]
    pub posts: Reverse<Post>,
}

#[derive(Clone, Debug, related::Model)]
pub struct Post {
    pub id: i64,
    pub author: ForeignKey<Author>,
}

fn main() {
    let _ = Author::query().prefetch_related(Author::posts());
    let _ = Author::query().prefetch_related(Author::posts().then(Post::author()));
    let _ = Post::query().prefetch_related(Post::author().then(Author::posts()));

    assert_eq!(
        (Author::info().relations[0])().kind,
        related::RelationKind::ReverseForeignKey { column: "author_id" }
    );
}
