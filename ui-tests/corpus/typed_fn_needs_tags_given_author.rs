// Mistake: a function asking for tags given rows that loaded only the author
// expect: tags
// fix: prefetch_related(Post::tags())
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;
#[allow(unused_imports)]
use related::Loaded;

fn names<T>(p: &Loaded<Post, impl PostHasTags<T>>) -> usize { p.tags().len() } fn f(db: &related::Sqlite) -> related::Result<()> { let posts = Post::query().select_related(Post::author()).fetch(db)?; let _ = names(&posts[0]); Ok(()) } fn main() { let _ = f; }
