// Mistake: ForeignKey of i64.
// expect: i64
// fix: ForeignKey<Author>
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

#[derive(Clone, Debug, related::Model)]
pub struct Note {
    pub id: i64,
    pub author: ForeignKey<i64>,
}

fn main() {
}
