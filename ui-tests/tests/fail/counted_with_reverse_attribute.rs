// `reverse` on a `Counted` field: one error saying the query names the
// relation it counts.
use related::prelude::*;

#[derive(Clone, Debug, related::Model)]
pub struct Comment {
    pub id: i64,
    pub post: ForeignKey<Post>,
}

#[derive(Clone, Debug, related::Model)]
pub struct Post {
    pub id: i64,
    #[related(reverse = Comment::post)]
    pub comments: Reverse<Comment>,
    #[related(reverse = Comment::post)]
    pub comment_count: Counted<Comment>,
}

fn main() {}
