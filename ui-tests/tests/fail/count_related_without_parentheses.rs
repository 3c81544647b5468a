// Handles are called: `Post::tags()`, `Post::tag_count()`. One error per
// line, each naming the handle.
use related::prelude::*;

#[derive(Clone, Debug, related::Model)]
pub struct Tag {
    pub id: i64,
}

#[derive(Clone, Debug, related::Model)]
pub struct Post {
    pub id: i64,
    pub tags: ManyToMany<Tag>,
    pub tag_count: Counted<Tag>,
}

fn main() {
    let _ = Post::query().count_related(Post::tags, Post::tag_count());
    let _ = Post::query().count_related(Post::tags(), Post::tag_count);
}
