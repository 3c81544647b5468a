// Mistake: a ForeignKey field without the model it points at
// expect: ForeignKey
// fix: ForeignKey<Target>
use related::prelude::*;
#[derive(Clone, Debug, related::Model)]
pub struct Author { pub id: i64 }
#[derive(Clone, Debug, related::Model)]
pub struct Post { pub id: i64, pub author: ForeignKey }
fn main() {}
