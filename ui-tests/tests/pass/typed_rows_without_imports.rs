// Typed rows are read with only the models imported by name (no glob, no
// accessor trait), in a crate that forbids `unsafe` and denies warnings:
// the accessors are inherent methods of the view a typed row derefs to.
#![forbid(unsafe_code)]
#![deny(warnings)]

// The corpus's blog and shop, as a module whose items are imported by name.
#[path = "../../corpus/common/models.rs"]
mod models;

use models::{Author, Post, PostHasAuthor};
use related::Loaded;

// A function over rows of any query that loaded the author.
fn byline<L, A>(post: &Loaded<Post, L>) -> String
where
    L: PostHasAuthor<A>,
{
    format!("{} by {}", post.title, post.author().name)
}

// Generic code reaches the model through the view.
fn key<M: related::Model, L>(row: &Loaded<M, L>) -> &M::Pk {
    let model: &M = row;
    model.pk()
}

fn read(db: &related::Sqlite) -> related::Result<()> {
    let posts = Post::query()
        .select_related(Post::author().then(Author::publisher()))
        .prefetch_related(Post::tags())
        .fetch(db)?;
    for post in &posts {
        let _: &Post = post;
        let _: &str = &post.author().name;
        let _ = post.author().publisher().map(|p| p.name.len());
        for tag in post.tags() {
            let _: &str = &tag.name;
        }
        let _ = byline(post);
        let _ = key(post);
    }
    let authors = Author::query()
        .prefetch_related(Author::posts().then(Post::tags()))
        .fetch(db)?;
    let _ = authors[0].posts().iter().map(|p| p.tags().len()).sum::<usize>();
    Ok(())
}

fn main() {
    let _ = read;
}
