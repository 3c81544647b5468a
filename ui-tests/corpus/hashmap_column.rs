// Mistake: HashMap column.
// expect: HashMap
// fix: Json
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

#[derive(Clone, Debug, related::Model)]
pub struct Note {
    pub id: i64,
    pub meta: std::collections::HashMap<String, String>,
}

fn main() {
}
