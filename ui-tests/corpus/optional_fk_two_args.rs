// Mistake: a nullable ForeignKey given the key type as a second argument
// expect: ForeignKey
// fix: ForeignKey<Author>
use related::prelude::*;
#[derive(Clone, Debug, related::Model)]
pub struct Author { pub id: i64 }
#[derive(Clone, Debug, related::Model)]
pub struct Post { pub id: i64, pub editor: Option<ForeignKey<Author, Option<i64>>> }
fn main() {}
