// Mistake: an Option around a ManyToMany field.
// expect: ManyToMany
// fix: ManyToMany<Tag>
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

#[derive(Clone, Debug, related::Model)] pub struct Note { pub id: i64, pub tags: Option<ManyToMany<Tag>> } fn main() {}
