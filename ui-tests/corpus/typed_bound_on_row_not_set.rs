// Mistake: the per-relation trait used as a bound on the row itself
// expect: author
// fix: Loaded<Post
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;
#[allow(unused_imports)]
use related::Loaded;

fn byline<A>(post: &impl PostHasAuthor<A>) -> String {
    post.author().name.clone()
}
fn main() {}
