// An untyped many-valued field may not hold its rows: `len()` on it is one
// error naming `.get()?`, not "expected usize, found Result".
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

fn tag_count(post: &Post) -> usize {
    post.tags.len()
}

fn main() {
    let _ = tag_count;
}
