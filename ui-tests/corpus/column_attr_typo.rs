// Mistake: a misspelled column attribute.
// expect: colum
// fix: column
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

#[derive(Clone, Debug, related::Model)]
pub struct Note { pub id: i64, #[related(colum = "txt")] pub text: String }
fn main() {}
