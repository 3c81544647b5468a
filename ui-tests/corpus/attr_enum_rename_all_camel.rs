// Mistake: rename_all = "camelCase" on a Column enum
// expect: rename_all
// fix: snake_case
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;
#[allow(unused_imports)]
use related::Loaded;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, related::Column)]
#[related(rename_all = "camelCase")]
pub enum Status { Draft, InReview }
fn main() {}
