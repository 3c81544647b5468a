// `count_related` counts into a `Counted<T>` field, not into a column.
use related::prelude::*;

#[derive(Clone, Debug, related::Model)]
pub struct Post {
    pub id: i64,
    pub views: i32,
    #[related(reverse = Comment::post)]
    pub comments: Reverse<Comment>,
    pub comment_count: Counted<Comment>,
}

#[derive(Clone, Debug, related::Model)]
pub struct Comment {
    pub id: i64,
    pub post: ForeignKey<Post>,
}

fn main() {
    let _ = Post::query().count_related(Post::comments(), Post::views());
}
