// Mistake: an Option of a model as a field.
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
    pub author: Option<Author>,
}

fn main() {
}
