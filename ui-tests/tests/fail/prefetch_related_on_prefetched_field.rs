// A Prefetched field is a prefetch target, not a relation.
use related::prelude::*;

#[derive(Clone, Debug, related::Model)]
pub struct Tag {
    pub id: i64,
}

#[derive(Clone, Debug, related::Model)]
pub struct Post {
    pub id: i64,
    pub tags: ManyToMany<Tag>,
    pub python_tags: Prefetched<Tag>,
}

fn main() {
    let _ = Post::query().prefetch_related(Post::python_tags());
}
