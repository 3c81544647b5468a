// Mistake: a Box of a model as a relation.
// expect: Author
// fix: ForeignKey
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

#[derive(Clone, Debug, related::Model)]
pub struct Note { pub id: i64, pub author: Box<Author> }
fn main() {}
