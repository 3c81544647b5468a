// Mistake: a Vec of foreign keys for a many-valued relation
// expect: Vec<ForeignKey<Tag>>
// fix: ManyToMany
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;
#[allow(unused_imports)]
use related::Loaded;

#[derive(Clone, Debug, related::Model)]
pub struct Note { pub id: i64, pub tags: Vec<ForeignKey<Tag>> }
fn main() {}
