// Mistake: count_related on a relation of another model
// expect: comments
// fix: Prefetch
use related::prelude::*;
#[derive(Clone, Debug, related::Model)]
pub struct Author { pub id: i64, #[related(reverse = Post::author)] pub posts: Reverse<Post>, pub comment_count: Counted<Comment> }
#[derive(Clone, Debug, related::Model)]
pub struct Post { pub id: i64, pub author: ForeignKey<Author>, #[related(reverse = Comment::post)] pub comments: Reverse<Comment> }
#[derive(Clone, Debug, related::Model)]
pub struct Comment { pub id: i64, pub post: ForeignKey<Post> }
fn main() { let _ = Author::query().count_related(Post::comments(), Author::comment_count()); }
