// Mistake: a ForeignKey to a Box of the model
// expect: Box
// fix: ForeignKey<Author>
use related::prelude::*;
#[derive(Clone, Debug, related::Model)]
pub struct Author { pub id: i64 }
#[derive(Clone, Debug, related::Model)]
pub struct Post { pub id: i64, pub author: ForeignKey<Box<Author>> }
fn main() {}
