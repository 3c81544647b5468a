// Mistake: Django's unique on a column.
// expect: unique
// fix: remove it
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

#[derive(Clone, Debug, related::Model)]
pub struct Note { pub id: i64, #[related(unique)] pub text: String }
fn main() {}
