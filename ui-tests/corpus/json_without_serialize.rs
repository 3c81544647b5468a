// Mistake: a Json<T> column whose T does not derive Serialize/Deserialize
// expect: Meta
// fix: Serialize
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

#[derive(Clone, Debug)]
pub struct Meta { pub color: String, pub pinned: bool }

#[derive(Clone, Debug, related::Model)]
pub struct Board { pub id: i64, pub name: String, pub meta: related::Json<Meta> }
fn main() {}
