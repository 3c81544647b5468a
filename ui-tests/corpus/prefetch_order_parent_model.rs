// Mistake: a Prefetch ordered by a column of the parent model
// expect: name
// fix: Post::
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn main() { let _ = Author::query().prefetch(Prefetch::new(Author::posts()).order_by(Author::name().asc())); }
