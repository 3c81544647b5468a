// Mistake: a column attribute written as a call
// expect: column
// fix: column = "
#[allow(unused_imports)]
use related::prelude::*;

#[derive(Clone, Debug, related::Model)] pub struct Post { pub id: i64, #[related(column("post_title"))] pub title: String } fn main() {}
