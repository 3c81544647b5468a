// Mistake: f64 primary key.
// expect: f64
// fix: key
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

#[derive(Clone, Debug, related::Model)]
pub struct Note {
    pub id: f64,
}

fn main() {
}
