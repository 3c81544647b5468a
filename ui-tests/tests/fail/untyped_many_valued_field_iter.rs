// Iterating an untyped many-valued field: one error naming `.get()?`, not
// "no field `name` on type `std::slice::Iter`".
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

fn tag_names(post: &Post) -> Vec<String> {
    post.tags.iter().map(|tag| tag.name.clone()).collect()
}

fn main() {
    let _ = tag_names;
}
