// Mistake: a Column enum whose variant carries data
// expect: Cents
// fix: unit variant
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

#[derive(Clone, Debug, PartialEq, related::Column)] pub enum Amount { Cents(i64), Free } fn main() {}
