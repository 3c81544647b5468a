// A OneToOne: a unique key column, followed by select_related.
use related::prelude::*;

#[derive(Clone, Debug, related::Model)]
pub struct Place {
    pub id: i64,
    pub address: String,
}

#[derive(Clone, Debug, related::Model)]
pub struct Restaurant {
    pub id: i64,
    #[related(column = "place_ref")]
    pub place: OneToOne<Place>,
}

fn main() {
    let _ = Restaurant::query().select_related(Restaurant::place());
    let _ = Restaurant::query().prefetch_related(Restaurant::place());
    let _ = Restaurant::query().filter(Restaurant::place_ref().eq(1));

    let place = &Restaurant::info().columns[1];
    assert_eq!(place.name, "place_ref");
    assert!(place.unique && !place.nullable);
}
