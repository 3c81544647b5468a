// Mistake: primary_key named on the struct (SeaORM/Diesel style)
// expect: primary_key
// fix: goes on a field
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;
#[allow(unused_imports)]
use related::Loaded;

#[derive(Clone, Debug, related::Model)]
#[related(primary_key = "code")]
pub struct Country { pub code: String, pub name: String }
fn main() {}
