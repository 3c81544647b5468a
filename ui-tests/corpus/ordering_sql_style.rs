// Mistake: a default ordering written as SQL
// expect: title desc
// fix: -title
#[allow(unused_imports)]
use related::prelude::*;

#[derive(Clone, Debug, related::Model)] #[related(ordering = "title desc")] pub struct Post { pub id: i64, pub title: String } fn main() {}
