// `order_by` with a relation handle: one error naming it; the note says to
// order by a column, through the relation for a related model's column.
use related::prelude::*;

#[derive(Clone, Debug, related::Model)]
pub struct Author {
    pub id: i64,
    pub name: String,
}

#[derive(Clone, Debug, related::Model)]
pub struct Post {
    pub id: i64,
    pub author: ForeignKey<Author>,
}

fn main() {
    let _ = Post::query().order_by(Post::author());
}
