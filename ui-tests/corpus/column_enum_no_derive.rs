// Mistake: an enum column without derive(Column)
// expect: Status
// fix: related::Column
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;
#[allow(unused_imports)]
use related::Loaded;

#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Status { Draft, Live }
#[derive(Clone, Debug, related::Model)]
pub struct Doc { pub id: i64, pub status: Status }
fn main() {}
