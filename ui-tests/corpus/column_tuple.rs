// Mistake: a tuple column (coordinates)
// expect: (f64, f64)
// fix: Json
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;
#[allow(unused_imports)]
use related::Loaded;

#[derive(Clone, Debug, related::Model)]
pub struct Place { pub id: i64, pub location: (f64, f64) }
fn main() {}
