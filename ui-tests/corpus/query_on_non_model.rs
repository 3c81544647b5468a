// Mistake: query() on a struct without the derive.
// expect: Draft
// fix: derive
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

#[derive(Clone, Debug)]
pub struct Draft { pub id: i64 }
fn main() { let _ = Draft::query(); }
