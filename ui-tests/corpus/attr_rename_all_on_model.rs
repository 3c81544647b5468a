// Mistake: serde's rename_all on a model
// expect: rename_all
// fix: column
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;
#[allow(unused_imports)]
use related::Loaded;

#[derive(Clone, Debug, related::Model)]
#[related(rename_all = "camelCase")]
pub struct Note { pub id: i64, pub created_by: String }
fn main() {}
