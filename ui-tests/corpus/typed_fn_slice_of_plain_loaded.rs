// Mistake: a function over &[Loaded<Post>] given rows that loaded the author
// expect: render
// fix: impl PostHasAuthor
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;
#[allow(unused_imports)]
use related::Loaded;

fn render(posts: &[Loaded<Post>]) -> usize { posts.len() }
fn f(db: &related::Sqlite) -> related::Result<()> {
    let posts = Post::query().select_related(Post::author()).fetch(db)?;
    let _ = render(&posts);
    Ok(())
}
fn main() { let _ = f; }
