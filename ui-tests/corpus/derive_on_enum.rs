// Mistake: derive Model on an enum
// expect: Status
// fix: struct
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

#[derive(Clone, Debug, related::Model)] pub enum Status { Draft, Published } fn main() {}
