// Mistake: pushing into tags() of a typed row
// expect: push
// fix: link
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn f(db: &related::Sqlite, t: Tag) -> related::Result<()> { let mut posts = Post::query().prefetch_related(Post::tags()).fetch(db)?; posts[0].tags().push(t); Ok(()) } fn main() { let _ = f; }
