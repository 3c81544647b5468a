// Mistake: a model as a plain field.
// expect: Author
// fix: ForeignKey
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

#[derive(Clone, Debug, related::Model)]
pub struct Note {
    pub id: i64,
    pub author: Author,
}

fn main() {
}
