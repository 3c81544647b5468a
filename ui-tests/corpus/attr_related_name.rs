// Mistake: Django's related_name on a foreign key.
// expect: related_name
// fix: reverse
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

#[derive(Clone, Debug, related::Model)]
pub struct Note { pub id: i64, #[related(related_name = "notes")] pub post: ForeignKey<Post> }
fn main() {}
