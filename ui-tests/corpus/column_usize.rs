// Mistake: a usize column
// expect: usize
// fix: i64
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;
#[allow(unused_imports)]
use related::Loaded;

#[derive(Clone, Debug, related::Model)]
pub struct Page { pub id: i64, pub position: usize }
fn main() {}
