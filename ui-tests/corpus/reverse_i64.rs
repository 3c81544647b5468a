// Mistake: Reverse of i64.
// expect: i64
// fix: Reverse
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

#[derive(Clone, Debug, related::Model)]
pub struct Note {
    pub id: i64,
    #[related(reverse = Comment::post)]
    pub comments: Reverse<i64>,
}

fn main() {
}
