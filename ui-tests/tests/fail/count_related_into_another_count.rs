// `count_related` counts into the `Counted<T>` field of the rows it counts:
// a count of comments cannot go into a field counting tags. One error of
// at most 15 lines naming the field and the rows it would have to count.
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
    let _ = Post::query().count_related(Post::comments(), Post::tag_count());
}
