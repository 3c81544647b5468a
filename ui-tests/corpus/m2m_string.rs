// Mistake: ManyToMany of String.
// expect: String
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
    pub labels: ManyToMany<String>,
}

fn main() {
}
