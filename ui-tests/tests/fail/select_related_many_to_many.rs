// A JOIN over a ManyToMany would repeat each post once per tag.
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
    let _ = Post::query().select_related(Post::tags());
}
