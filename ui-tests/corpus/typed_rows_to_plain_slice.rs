// Mistake: typed rows passed to a function that takes &[Post]
// expect: Loaded
// fix: into_inner
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn render(posts: &[Post]) -> usize { posts.len() }
fn f(db: &related::Sqlite) -> related::Result<()> {
    let posts = Post::query().select_related(Post::author()).fetch(db)?;
    let _ = render(&posts);
    Ok(())
}
fn main() { let _ = f; }
