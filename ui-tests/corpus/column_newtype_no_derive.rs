// Mistake: a newtype column without derive(Column)
// expect: Email
// fix: related::Column
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;
#[allow(unused_imports)]
use related::Loaded;

#[derive(Clone, Debug, PartialEq)]
pub struct Email(pub String);
#[derive(Clone, Debug, related::Model)]
pub struct User { pub id: i64, pub email: Email }
fn main() {}
