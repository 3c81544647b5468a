// Mistake: a relation field typed through a type alias
// expect: ForeignKey<Author>
// fix: alias
use related::prelude::*;
type AuthorRef = ForeignKey<Author>;
#[derive(Clone, Debug, related::Model)]
pub struct Author { pub id: i64 }
#[derive(Clone, Debug, related::Model)]
pub struct Post { pub id: i64, pub author: AuthorRef }
fn main() {}
