// Mistake: a ForeignKey field and its key column both declared (SeaORM's author_id plus the relation)
// expect: author_id
// fix: .key()
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

#[derive(Clone, Debug, related::Model)]
pub struct Review {
    pub id: i64,
    pub author_id: i64,
    pub author: ForeignKey<Author>,
}
fn main() {}
