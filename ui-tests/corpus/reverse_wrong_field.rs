// Mistake: reverse = a column.
// expect: title
// fix: ForeignKey
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

#[derive(Clone, Debug, related::Model)]
pub struct Note {
    pub id: i64,
    #[related(reverse = Post::title)]
    pub posts: Reverse<Post>,
}

fn main() {
}
