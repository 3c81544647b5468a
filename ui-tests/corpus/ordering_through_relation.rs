// Mistake: a default ordering through a relation, Django's author__name
// expect: author__name
// fix: order_by
#[allow(unused_imports)]
use related::prelude::*;

#[derive(Clone, Debug, related::Model)]
pub struct Author { pub id: i64, pub name: String }
#[derive(Clone, Debug, related::Model)]
#[related(ordering = "author__name, -id")]
pub struct Post { pub id: i64, pub author: ForeignKey<Author> }
fn main() {}
