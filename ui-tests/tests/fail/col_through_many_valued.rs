// A column through a many-valued relation would repeat rows: it takes
// `Post::tags().any(Tag::name().eq("x"))` (an EXISTS), not `col`.
use related::prelude::*;

#[derive(Clone, Debug, related::Model)]
pub struct Tag {
    pub id: i64,
    pub name: String,
}

#[derive(Clone, Debug, related::Model)]
pub struct Post {
    pub id: i64,
    pub tags: ManyToMany<Tag>,
}

fn main() {
    let _ = Post::query().filter(Post::tags().col(Tag::name()).eq("x"));
}
