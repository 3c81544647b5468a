// `query()` on a struct without `#[derive(related::Model)]`: one error
// saying it is not a model, not rustc's "no function named `query`" with
// its list of unmet bounds.
use related::prelude::*;

#[derive(Clone, Debug)]
pub struct Draft {
    pub id: i64,
}

fn main() {
    let _ = Draft::query();
}
