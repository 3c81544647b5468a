// `ForeignKey<Vec<Tag>>`: a list of related rows is ManyToMany or Reverse.
use related::prelude::*;

#[derive(Clone, Debug, related::Model)]
pub struct Tag {
    pub id: i64,
}

#[derive(Clone, Debug, related::Model)]
pub struct Note {
    pub id: i64,
    pub tags: ForeignKey<Vec<Tag>>,
}

fn main() {}
