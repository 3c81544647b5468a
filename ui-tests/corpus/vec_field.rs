// Mistake: a Vec of a model as a field.
// expect: Vec<Tag>
// fix: ManyToMany
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

#[derive(Clone, Debug, related::Model)]
pub struct Note {
    pub id: i64,
    pub tags: Vec<Tag>,
}

fn main() {
}
