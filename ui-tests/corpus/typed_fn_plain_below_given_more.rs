// Mistake: a function asking for Plain<Author> below the post given rows that also loaded the publisher
// expect: author
// fix: PostHasAuthor<A>
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn byline(p: &Loaded<Post, impl PostHasAuthor<related::Plain<Author>>>) -> String { p.author().name.clone() }
fn f(db: &related::Sqlite) -> related::Result<()> {
    let posts = Post::query().select_related(Post::author().then(Author::publisher())).fetch(db)?;
    let _ = byline(&posts[0]);
    Ok(())
}
fn main() { let _ = f; }
