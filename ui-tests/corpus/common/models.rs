// The models every program of the corpus starts from: a blog and a shop.
#![allow(dead_code)]
use related::prelude::*;

#[derive(Clone, Debug, related::Model)]
pub struct Author {
    pub id: i64,
    pub name: String,
    pub publisher: Option<ForeignKey<Publisher>>,
    #[related(reverse = Post::author)]
    pub posts: Reverse<Post>,
}

#[derive(Clone, Debug, related::Model)]
pub struct Publisher {
    pub id: i64,
    pub name: String,
}

#[derive(Clone, Debug, related::Model)]
pub struct Post {
    pub id: i64,
    pub title: String,
    pub subtitle: Option<String>,
    pub views: i32,
    pub author: ForeignKey<Author>,
    pub tags: ManyToMany<Tag>,
    #[related(reverse = Comment::post)]
    pub comments: Reverse<Comment>,
    pub python_tags: Prefetched<Tag>,
}

#[derive(Clone, Debug, related::Model)]
pub struct Tag {
    pub id: i64,
    pub name: String,
    #[related(reverse = Post::tags)]
    pub posts: Reverse<Post>,
}

#[derive(Clone, Debug, related::Model)]
pub struct Comment {
    pub id: i64,
    pub body: String,
    pub post: ForeignKey<Post>,
}

#[derive(Clone, Debug, related::Model)]
pub struct Product {
    pub id: i64,
    pub name: String,
    pub rating: i16,
    pub stock: Option<i32>,
    pub price: f64,
}
