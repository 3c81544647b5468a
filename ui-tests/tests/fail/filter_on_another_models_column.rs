// A condition on another model's column needs the path to that model:
// `Post::author().col(Author::name())`, not `Author::name()`.
use related::prelude::*;

#[derive(Clone, Debug, related::Model)]
pub struct Author {
    pub id: i64,
    pub name: String,
}

#[derive(Clone, Debug, related::Model)]
pub struct Post {
    pub id: i64,
    pub author: ForeignKey<Author>,
}

fn main() {
    let _ = Post::query().filter(Author::name().eq("Ann"));
}
