// Django's `to_field`, and `target_column` taken for it: a ForeignKey
// points at its target's primary key.
use related::prelude::*;

#[derive(Clone, Debug, related::Model)]
pub struct Country {
    pub id: i64,
    pub code: String,
}

#[derive(Clone, Debug, related::Model)]
pub struct City {
    pub id: i64,
    #[related(to_field = "code")]
    pub country: ForeignKey<Country>,
    #[related(target_column = "code")]
    pub capital_of: Option<ForeignKey<Country>>,
}

fn main() {}
