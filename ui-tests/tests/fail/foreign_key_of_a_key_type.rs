// `ForeignKey<i64>`: a relation names the model, not its key type.
use related::prelude::*;

#[derive(Clone, Debug, related::Model)]
pub struct Tag {
    pub id: i64,
}

#[derive(Clone, Debug, related::Model)]
pub struct Note {
    pub id: i64,
    pub author: ForeignKey<i64>,
}

fn main() {}
