// Mistake: passing rows without the author to a function that needs it.
// expect: author
// fix: .select_related(Post::author())
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;
use related::Loaded;

fn byline<L, A>(post: &Loaded<Post, L>) -> String
where
    L: PostHasAuthor<A>,
{
    format!("{} by {}", post.title, post.author().name)
}

fn main() -> related::Result<()> {
    let db = related::Sqlite::open_in_memory()?;
    let posts = Post::query().prefetch_related(Post::tags()).fetch(&db)?;
    println!("{}", byline(&posts[0]));
    Ok(())
}
