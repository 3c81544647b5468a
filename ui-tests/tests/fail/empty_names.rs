// A table, column or link-table name cannot be empty. One error per
// attribute.
use related::prelude::*;

#[derive(Clone, Debug, related::Model)]
pub struct Tag {
    pub id: i64,
}

#[derive(Clone, Debug, related::Model)]
#[related(table = "")]
pub struct Post {
    pub id: i64,
    #[related(column = " ")]
    pub title: String,
    #[related(through = "")]
    pub tags: ManyToMany<Tag>,
}

fn main() {}
