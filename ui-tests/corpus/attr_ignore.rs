// Mistake: ignore like SeaORM
// expect: ignore
// fix: skip
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

#[derive(Clone, Debug, related::Model)] pub struct Ev { pub id: i64, #[related(ignore)] pub cache: Vec<String> } fn main() {}
