// `count_related` takes the relation first and the `Counted<T>` field
// second; given them the other way round, one error (on the relation),
// whose note says the order.
use related::prelude::*;

#[derive(Clone, Debug, related::Model)]
pub struct Tag {
    pub id: i64,
}

#[derive(Clone, Debug, related::Model)]
pub struct Post {
    pub id: i64,
    pub tags: ManyToMany<Tag>,
    #[related(reverse = Comment::post)]
    pub comments: Reverse<Comment>,
    pub tag_count: Counted<Tag>,
}

#[derive(Clone, Debug, related::Model)]
pub struct Comment {
    pub id: i64,
    pub post: ForeignKey<Post>,
}

fn main() {
    let _ = Post::query().count_related(Post::tag_count(), Post::tags());
}
