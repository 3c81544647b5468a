// Mistake: a Box<str> column
// expect: Box<str>
// fix: String
#[allow(unused_imports)]
use related::prelude::*;

#[derive(Clone, Debug, related::Model)] pub struct Note { pub id: i64, pub text: Box<str> } fn main() {}
