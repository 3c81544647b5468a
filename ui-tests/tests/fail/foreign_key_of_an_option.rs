// `ForeignKey<Option<Author>>`: a nullable key is the relation inside the
// `Option`.
use related::prelude::*;

#[derive(Clone, Debug, related::Model)]
pub struct Author {
    pub id: i64,
}

#[derive(Clone, Debug, related::Model)]
pub struct Post {
    pub id: i64,
    pub editor: ForeignKey<Option<Author>>,
}

fn main() {}
