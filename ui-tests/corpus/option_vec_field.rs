// Mistake: an Option<Vec<T>> of a model.
// expect: Vec<Tag>
// fix: Reverse
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

#[derive(Clone, Debug, related::Model)]
pub struct Note {
    pub id: i64,
    pub tags: Option<Vec<Tag>>,
}

fn main() {
}
