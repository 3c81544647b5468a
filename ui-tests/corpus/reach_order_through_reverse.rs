// Mistake: ordering by a column through a reverse foreign key.
// expect: comments
// fix: Prefetch
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn main() { let _ = Post::query().order_by(Post::comments().body().asc()); }
