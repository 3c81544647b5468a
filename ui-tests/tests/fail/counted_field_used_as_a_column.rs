// A `Counted` field's handle ordered by, as Django orders by an annotation:
// one error saying the count is filled after the rows are loaded, and how
// to sort them, not rustc's "is not a relation" over 25 lines.
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
    let _ = Post::query()
        .count_related(Post::tags(), Post::tag_count())
        .order_by(Post::tag_count().desc());
}
