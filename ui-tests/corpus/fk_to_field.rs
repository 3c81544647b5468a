// Mistake: Django's to_field on a ForeignKey.
// expect: to_field
// fix: primary key
#[allow(unused_imports)]
use related::prelude::*;
#[derive(Clone, Debug, related::Model)]
pub struct Country { pub id: i64, pub code: String }
#[derive(Clone, Debug, related::Model)]
pub struct City {
    pub id: i64,
    #[related(to_field = "code")]
    pub country: ForeignKey<Country>,
}
fn main() {}
