// Mistake: a nested bound naming the publisher one level too high
// expect: PostHasPublisher
// fix: AuthorHasPublisher
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;
#[allow(unused_imports)]
use related::Loaded;

fn p<A>(post: &Loaded<Post, impl PostHasPublisher<A>>) -> String { post.title.clone() } fn main() { let _ = p::<()>; }
