// any() through a relation given a filter over another model.
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
    pub author: ForeignKey<Author>,
    pub tags: ManyToMany<Tag>,
}

fn main() {
    let _ = Post::query().filter(Post::author().any(Tag::name().eq("rust")));
}
