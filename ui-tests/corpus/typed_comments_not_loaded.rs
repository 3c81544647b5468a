// Mistake: reading comments() on a typed row whose query loaded only tags
// expect: comments
// fix: prefetch_related(Post::comments())
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn f(db: &related::Sqlite) -> related::Result<()> { let posts = Post::query().prefetch_related(Post::tags()).fetch(db)?; for c in posts[0].comments() { let _ = c; } Ok(()) } fn main() { let _ = f; }
