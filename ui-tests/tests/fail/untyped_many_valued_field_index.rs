// Indexing an untyped many-valued field: one error naming `.get()?`.
use related::prelude::*;

#[derive(Clone, Debug, related::Model)]
pub struct Author {
    pub id: i64,
    pub name: String,
}

#[derive(Clone, Debug, related::Model)]
pub struct Tag {
    pub id: i64,
    pub name: String,
}

#[derive(Clone, Debug, related::Model)]
pub struct Post {
    pub id: i64,
    pub title: String,
    pub author: ForeignKey<Author>,
    pub tags: ManyToMany<Tag>,
}

fn first_tag(post: &Post) -> &Tag {
    &post.tags[0]
}

fn main() {
    let _ = first_tag;
}
