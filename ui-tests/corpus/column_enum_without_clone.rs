// Mistake: a derive(Column) enum without Clone used in a Clone model
// expect: Status
// fix: Clone
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

#[derive(Debug, PartialEq, related::Column)]
pub enum Status { Draft, Published }

#[derive(Clone, Debug, related::Model)]
pub struct Article { pub id: i64, pub title: String, pub status: Status }
fn main() {}
