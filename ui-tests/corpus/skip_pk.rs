// Mistake: skip on the primary key
// expect: primary_key
// fix: skip
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

#[derive(Clone, Debug, related::Model)] pub struct Ev { #[related(primary_key, skip)] pub code: String, pub n: i64 } fn main() {}
