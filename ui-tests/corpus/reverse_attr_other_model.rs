// Mistake: a reverse attribute naming a relation of another model than the field type
// expect: Comment::post
// fix: Reverse<Comment>
#[allow(unused_imports)]
use related::prelude::*;

#[derive(Clone, Debug, related::Model)] pub struct Post { pub id: i64, #[related(reverse = Comment::post)] pub comments: Reverse<Note> } #[derive(Clone, Debug, related::Model)] pub struct Comment { pub id: i64, pub post: ForeignKey<Post> } #[derive(Clone, Debug, related::Model)] pub struct Note { pub id: i64, pub post: ForeignKey<Post> } fn main() {}
