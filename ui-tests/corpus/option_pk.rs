// Mistake: an Option primary key, as for auto-increment inserts
// expect: id
// fix: i64
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

#[derive(Clone, Debug, related::Model)] pub struct Draft { pub id: Option<i64>, pub title: String } fn main() {}
