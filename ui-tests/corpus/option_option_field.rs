// Mistake: Option<Option<String>> for a nullable column.
// expect: Option<Option
// fix: Option<
#[allow(unused_imports)]
use related::prelude::*;

#[derive(Clone, Debug, related::Model)]
pub struct Post { pub id: i64, pub title: Option<Option<String>> }

fn main() {}
