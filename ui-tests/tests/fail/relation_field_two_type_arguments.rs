// A relation field takes one type argument, the model it points at: a link
// model given as a second one is one error naming the attribute that names
// the link table, not a second error counting arguments.
use related::prelude::*;

#[derive(Clone, Debug, related::Model)]
pub struct Tag {
    pub id: i64,
}

#[derive(Clone, Debug, related::Model)]
pub struct Post {
    pub id: i64,
    pub tags: ManyToMany<Tag, PostTag>,
}

#[derive(Clone, Debug, related::Model)]
pub struct PostTag {
    pub id: i64,
    pub post: ForeignKey<Post>,
    pub tag: ForeignKey<Tag>,
}

fn main() {}
