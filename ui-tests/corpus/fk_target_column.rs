// Mistake: Django's to_field on a ForeignKey.
// expect: target_column
// fix: primary key
#[allow(unused_imports)]
use related::prelude::*;
#[derive(Clone, Debug, related::Model)]
pub struct Country { pub id: i64, pub code: String }
#[derive(Clone, Debug, related::Model)]
pub struct City {
    pub id: i64,
    #[related(target_column = "code")]
    pub country: ForeignKey<Country>,
}
fn main() {}
