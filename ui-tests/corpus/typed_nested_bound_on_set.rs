// Mistake: the nested AuthorHasPublisher bound put on the post's set
// expect: publisher
// fix: AuthorHasPublisher<_>
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;
#[allow(unused_imports)]
use related::Loaded;

fn imprint<L, A, P>(post: &Loaded<Post, L>) -> Option<String>
where
    L: PostHasAuthor<A> + AuthorHasPublisher<P>,
{
    post.author().publisher().map(|p| p.name.clone())
}
fn main() {}
