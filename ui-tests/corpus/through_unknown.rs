// Mistake: through given as a bare name.
// expect: PostTagX
// fix: through
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

#[derive(Clone, Debug, related::Model)]
pub struct Note { pub id: i64, #[related(through = PostTagX)] pub tags: ManyToMany<Tag> }
fn main() {}
