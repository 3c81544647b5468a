// Mistake: a Vec<String> column, as a Postgres array
// expect: Vec<String>
// fix: Json
#[allow(unused_imports)]
use related::prelude::*;

#[derive(Clone, Debug, related::Model)] pub struct Post { pub id: i64, pub labels: Vec<String> } fn main() {}
