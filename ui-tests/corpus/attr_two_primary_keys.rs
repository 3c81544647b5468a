// Mistake: two primary_key fields (a composite key).
// expect: primary key
// fix: exactly one
#[allow(unused_imports)]
use related::prelude::*;

#[derive(Clone, Debug, related::Model)]
pub struct Post { #[related(primary_key)] pub a: i64, #[related(primary_key)] pub b: i64 }

fn main() {}
