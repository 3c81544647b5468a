// Mistake: a Has bound given the target model instead of what was loaded below.
// expect: PostHasAuthor
// fix: PostHasAuthor<A>
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn show(p: &related::Loaded<Post, impl PostHasAuthor<Author>>) -> &str { &p.author().name }
fn f(db: &related::Sqlite) -> related::Result<()> { let p = Post::query().select_related(Post::author()).fetch(db)?; let _ = show(&p[0]); Ok(()) } fn main() {}
