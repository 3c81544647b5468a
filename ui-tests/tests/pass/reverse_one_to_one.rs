// `ReverseOne<T>` mirroring a OneToOne: single-valued, so select_related works.
use related::prelude::*;

#[derive(Clone, Debug, related::Model)]
pub struct Place {
    pub id: i64,
    #[related(reverse = Restaurant::place)]
    pub restaurant: ReverseOne<Restaurant>,
}

#[derive(Clone, Debug, related::Model)]
pub struct Restaurant {
    pub id: i64,
    pub place: OneToOne<Place>,
}

fn main() {
    let _ = Place::query().select_related(Place::restaurant());
    let _ = Place::query().select_related(Place::restaurant().then(Restaurant::place()));
    let _ = Place::query().prefetch_related(Place::restaurant());

    assert_eq!(
        (Place::info().relations[0])().kind,
        related::RelationKind::ReverseOneToOne { column: "place_id" }
    );
}
