// Mistake: a ForeignKey to an Arc of the model, since loaded rows are shared
// expect: ForeignKey<Arc<Author>>
// fix: ForeignKey<Author>
use related::prelude::*;
use std::sync::Arc;
#[derive(Clone, Debug, related::Model)]
pub struct Author { pub id: i64 }
#[derive(Clone, Debug, related::Model)]
pub struct Post { pub id: i64, pub author: ForeignKey<Arc<Author>> }
fn main() {}
