// Mistake: Django's on_delete on a foreign key.
// expect: on_delete
// fix: remove it
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

#[derive(Clone, Debug, related::Model)]
pub struct Note { pub id: i64, #[related(on_delete = "CASCADE")] pub post: ForeignKey<Post> }
fn main() {}
