// Mistake: #[related(integer)] on a newtype
// expect: integer
// fix: enum
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;
#[allow(unused_imports)]
use related::Loaded;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, related::Column)]
#[related(integer)]
pub struct Cents(i64);
fn main() {}
