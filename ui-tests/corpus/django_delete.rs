// Mistake: Django's delete() on a query.
// expect: delete
// fix: execute
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn main() { let _ = Post::query().filter(Post::id().eq(1)).delete(); }
