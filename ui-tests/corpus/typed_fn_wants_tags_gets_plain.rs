// Mistake: passing rows from all() to a function that wants typed rows
// expect: Loaded
// fix: fetch
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn show<L: PostHasTags<N>, N>(p: &related::Loaded<Post, L>) -> usize { p.tags().len() } fn f(db: &related::Sqlite) -> related::Result<()> { let posts = Post::query().prefetch_related(Post::tags()).all(db)?; let _ = show(&posts[0]); Ok(()) } fn main() { let _ = f; }
