// Mistake: Django's max_length on a String field.
// expect: max_length
// fix: String
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

#[derive(Clone, Debug, related::Model)]
pub struct Note { pub id: i64, #[related(max_length = 200)] pub text: String }
fn main() {}
