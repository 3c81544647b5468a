// Mistake: the Has trait written as the set type, without impl
// expect: PostHasAuthor
// fix: impl PostHasAuthor
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;
#[allow(unused_imports)]
use related::Loaded;

fn byline<A>(post: &Loaded<Post, PostHasAuthor<A>>) -> String { post.author().name.clone() }
fn main() {}
