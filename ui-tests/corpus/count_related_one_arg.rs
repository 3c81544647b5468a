// Mistake: count_related with only the relation
// expect: count_related
// fix: Counted
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn main() { let _ = Post::query().count_related(Post::tags()); }
