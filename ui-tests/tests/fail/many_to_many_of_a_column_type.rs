// `ManyToMany<String>`: the rows of a relation are a model's; a list of
// values is a JSON column.
use related::prelude::*;

#[derive(Clone, Debug, related::Model)]
pub struct Post {
    pub id: i64,
    pub labels: ManyToMany<String>,
}

fn main() {}
