// Mistake: Django's null = true instead of an Option field.
// expect: null
// fix: Option
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

#[derive(Clone, Debug, related::Model)]
pub struct Note { pub id: i64, #[related(null = true)] pub post: ForeignKey<Post> }
fn main() {}
