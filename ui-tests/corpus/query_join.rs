// Mistake: a generic join(..) (sea-query / sqlx builders)
// expect: join
// fix: select_related
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;
#[allow(unused_imports)]
use related::Loaded;

fn main() { let _ = Post::query().join(Post::author()); }
