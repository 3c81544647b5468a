// Mistake: a self-reference as Option<Box<Node>>.
// expect: Node
// fix: ForeignKey
#[allow(unused_imports)]
use related::prelude::*;

#[derive(Clone, Debug, related::Model)]
pub struct Node { pub id: i64, pub parent: Option<Box<Node>> }

fn main() {}
