// Builder methods of sea-query, Diesel and SeaORM (`join`, `select`,
// `group_by`) and Django's `to_attr` written on the query: one error each
// naming what to write instead.
use related::prelude::*;

#[derive(Clone, Debug, related::Model)]
pub struct Author {
    pub id: i64,
}

#[derive(Clone, Debug, related::Model)]
pub struct Post {
    pub id: i64,
    pub title: String,
    pub author: ForeignKey<Author>,
}

fn main() {
    let _ = Post::query().join(Post::author());
    let _ = Post::query().select(Post::title());
    let _ = Post::query().group_by(Post::author_id());
    let _ = Post::query().prefetch_related(Post::author()).to(Post::author());
}
