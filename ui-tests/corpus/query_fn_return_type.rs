// Mistake: a helper returning Query<Post> after select_related
// expect: Query
// fix: impl
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn base() -> related::Query<Post> { Post::query().select_related(Post::author()) } fn main() { let _ = base; }
