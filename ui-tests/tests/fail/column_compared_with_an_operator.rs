// `==` on a column handle is a Rust comparison, not a filter: one error
// naming the column and `.eq(value)`.
use related::prelude::*;

#[derive(Clone, Debug, related::Model)]
pub struct Author {
    pub id: i64,
    pub name: String,
}

#[derive(Clone, Debug, related::Model)]
pub struct Tag {
    pub id: i64,
    pub name: String,
}

#[derive(Clone, Debug, related::Model)]
pub struct Post {
    pub id: i64,
    pub title: String,
    pub author: ForeignKey<Author>,
    pub tags: ManyToMany<Tag>,
}

fn main() {
    let is_hello = Post::title() == "hello";
    let _ = is_hello;
}
