// Mistake: two branches building queries with different relations
// expect: if
// fix: untyped
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn q(with_tags: bool) { let _ = if with_tags { Post::query().prefetch_related(Post::tags()) } else { Post::query() }; } fn main() { let _ = q; }
