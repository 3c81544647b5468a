// Mistake: a char column
// expect: char
// fix: String
#[allow(unused_imports)]
use related::prelude::*;

#[derive(Clone, Debug, related::Model)] pub struct Grade { pub id: i64, pub letter: char } fn main() {}
