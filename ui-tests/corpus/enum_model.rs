// Mistake: deriving Model on an enum.
// expect: enum
// fix: struct
#[allow(unused_imports)]
use related::prelude::*;

#[derive(Clone, Debug, related::Model)]
pub enum Status { Draft, Published }

fn main() {}
