// `Post::comments().exists()` for Django's `comments__isnull=False`: one
// error naming `any(..)`.
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
}

fn main() {
    let _ = Post::query().filter(Post::comments().exists());
}
