// Mistake: ordering by a many-to-many relation handle
// expect: tags
// fix: col(
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn main() { let _ = Post::query().order_by(Post::tags().asc()); }
