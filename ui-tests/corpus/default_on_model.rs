// Mistake: derive(Default) on a model with a foreign key
// expect: ForeignKey
// fix: Default
use related::prelude::*;
#[derive(Clone, Debug, related::Model)]
pub struct Author { pub id: i64 }
#[derive(Clone, Debug, Default, related::Model)]
pub struct Post { pub id: i64, pub author: ForeignKey<Author> }
fn main() {}
