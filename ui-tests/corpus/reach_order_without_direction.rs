// Mistake: order by a column through a relation without a direction
// expect: name
// fix: asc
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn main() { let _ = Post::query().order_by(Post::author().name()); }
