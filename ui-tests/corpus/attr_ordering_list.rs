// Mistake: Django's ordering list syntax
// expect: ordering
// fix: ordering = "
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;
#[allow(unused_imports)]
use related::Loaded;

#[derive(Clone, Debug, related::Model)]
#[related(ordering = ["-id"])]
pub struct Note { pub id: i64, pub body: String }
fn main() {}
