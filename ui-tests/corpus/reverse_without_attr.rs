// Mistake: Reverse without reverse attribute.
// expect: reverse
// fix: reverse
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

#[derive(Clone, Debug, related::Model)]
pub struct Note {
    pub id: i64,
    pub comments: Reverse<Comment>,
}

fn main() {
}
