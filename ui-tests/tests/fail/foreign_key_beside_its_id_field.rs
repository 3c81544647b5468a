// SeaORM's habit: `author_id: i64` beside `author: ForeignKey<Author>`,
// which stores that column: one error saying to remove the plain field.
use related::prelude::*;

#[derive(Clone, Debug, related::Model)]
pub struct Author {
    pub id: i64,
}

#[derive(Clone, Debug, related::Model)]
pub struct Review {
    pub id: i64,
    pub author_id: i64,
    pub author: ForeignKey<Author>,
}

fn main() {}
