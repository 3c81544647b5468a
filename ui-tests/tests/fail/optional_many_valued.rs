use related::prelude::*;

#[derive(Clone, Debug, related::Model)]
pub struct Tag {
    pub id: i64,
}

#[derive(Clone, Debug, related::Model)]
pub struct Post {
    pub id: i64,
    pub tags: Option<ManyToMany<Tag>>,
    pub python_tags: Option<Prefetched<Tag>>,
}

fn main() {}
