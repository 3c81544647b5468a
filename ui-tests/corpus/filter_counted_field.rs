// Mistake: filtering on a Counted field (annotate then filter)
// expect: comment_count
// fix: count_related
#![allow(dead_code)]
#[allow(unused_imports)]
use related::prelude::*;
#[allow(unused_imports)]
use related::Loaded;
#[derive(Clone, Debug, related::Model)]
pub struct Author { pub id: i64, pub name: String, #[related(reverse = Post::author)] pub posts: Reverse<Post>, pub comment_count: Counted<Comment> }
#[derive(Clone, Debug, related::Model)]
pub struct Tag { pub id: i64, pub name: String }
#[derive(Clone, Debug, related::Model)]
pub struct Post { pub id: i64, pub title: String, pub author: ForeignKey<Author>, pub tags: ManyToMany<Tag>, #[related(reverse = Comment::post)] pub comments: Reverse<Comment>, pub comment_count: Counted<Comment>, pub tag_count: Counted<Tag> }
#[derive(Clone, Debug, related::Model)]
pub struct Comment { pub id: i64, pub body: String, pub post: ForeignKey<Post> }

fn main() { let _ = Post::query().count_related(Post::comments(), Post::comment_count()).filter(Post::comment_count().gt(3)); }
