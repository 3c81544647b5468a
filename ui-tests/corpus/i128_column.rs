// Mistake: an i128 column
// expect: i128
// fix: i64
#[allow(unused_imports)]
use related::prelude::*;

#[derive(Clone, Debug, related::Model)] pub struct Counter { pub id: i64, pub total: i128 } fn main() {}
