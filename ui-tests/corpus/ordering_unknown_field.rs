// Mistake: a default ordering naming no field
// expect: created
// fix: ordering
#[allow(unused_imports)]
use related::prelude::*;

#[derive(Clone, Debug, related::Model)] #[related(ordering = "-created")] pub struct Post { pub id: i64, pub title: String } fn main() {}
