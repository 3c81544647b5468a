// Three primary-key mistakes, one error each: an `Option` key, `primary_key`
// on a foreign key, and a float key.
use related::prelude::*;

#[derive(Clone, Debug, related::Model)]
pub struct Author {
    pub id: Option<i64>,
}

#[derive(Clone, Debug, related::Model)]
pub struct Post {
    #[related(primary_key)]
    pub author: ForeignKey<Author>,
}

#[derive(Clone, Debug, related::Model)]
pub struct Tag {
    pub id: f64,
}

fn main() {}
