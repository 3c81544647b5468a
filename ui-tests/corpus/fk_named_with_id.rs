// Mistake: a foreign key field named like its column (author_id).
// expect: author_id
// fix: name the field after the relation
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

#[derive(Clone, Debug, related::Model)]
pub struct Note { pub id: i64, pub author_id: ForeignKey<Author> }
fn main() {}
