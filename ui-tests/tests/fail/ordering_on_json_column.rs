// Three mistakes, one error each: `lt` on a JSON column, and in one call
// `ge` on an optional JSON column with a `Some(..)` bound.
use related::Json;

#[derive(Clone, Debug, related::Model)]
pub struct Event {
    pub id: i64,
    pub payload: Json<Vec<i64>>,
    pub extra: Option<Json<Vec<i64>>>,
}

fn main() {
    // JSON documents have no order in SQL: only eq, ne, is_in, is_null.
    let _ = Event::query().filter(Event::payload().eq(Json(vec![1])));
    let _ = Event::query().filter(Event::payload().lt(Json(vec![1])));
    // Two mistakes in one call, each its own error: JSON has no order, and
    // an ordering bound is the value itself, never `Some(..)`.
    let _ = Event::query().filter(Event::extra().ge(Some(Json(vec![1]))));
}
