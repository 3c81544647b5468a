// The column given to `col` must belong to the model the path reaches.
use related::prelude::*;

#[derive(Clone, Debug, related::Model)]
pub struct Author {
    pub id: i64,
    pub name: String,
}

#[derive(Clone, Debug, related::Model)]
pub struct Post {
    pub id: i64,
    pub title: String,
    pub author: ForeignKey<Author>,
}

fn main() {
    let _ = Post::query().filter(Post::author().col(Post::title()).eq("x"));
}
