// Mistake: a tuple struct as a model.
// expect: Note
// fix: named fields
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

#[derive(Clone, Debug, related::Model)]
pub struct Note(pub i64, pub String);
fn main() {}
