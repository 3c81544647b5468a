// `&` / `|` between a condition on the query's rows and one on a related
// model's rows: one error naming the relation to go through.
use related::prelude::*;

#[derive(Clone, Debug, related::Model)]
pub struct Tag {
    pub id: i64,
    pub name: String,
}

#[derive(Clone, Debug, related::Model)]
pub struct Post {
    pub id: i64,
    pub views: i64,
    pub tags: ManyToMany<Tag>,
}

fn main() {
    let _ = Post::query().filter(Post::views().gt(10) & Tag::name().eq("rust"));
    let _ = Post::query().filter(Post::views().gt(10) | Tag::name().eq("go"));
}
