// Mistake: primary_key = true, as in Django.
// expect: primary_key
// fix: primary_key
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

#[derive(Clone, Debug, related::Model)]
pub struct Note { #[related(primary_key = true)] pub code: String }
fn main() {}
