// Mistake: a struct field typed Query<Post> holding a query with relations
// expect: Query
// fix: untyped
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

struct Page { q: related::Query<Post> } fn main() { let _ = Page { q: Post::query().prefetch_related(Post::tags()) }; }
