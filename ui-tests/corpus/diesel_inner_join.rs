// Mistake: Diesel's inner_join for a foreign key.
// expect: inner_join
// fix: select_related
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn main() { let _ = Post::query().inner_join(Post::author()); }
