// Mistake: two fields mapped to the same column
// expect: title
// fix: column
#[allow(unused_imports)]
use related::prelude::*;

#[derive(Clone, Debug, related::Model)] pub struct Post { pub id: i64, #[related(column = "title")] pub name: String, pub title: String } fn main() {}
