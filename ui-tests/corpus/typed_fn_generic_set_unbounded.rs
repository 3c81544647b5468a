// Mistake: a generic set parameter without the per-relation bound
// expect: author
// fix: PostHasAuthor
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;
#[allow(unused_imports)]
use related::Loaded;

fn byline<L>(post: &Loaded<Post, L>) -> String {
    post.author().name.clone()
}
fn main() { let _ = byline::<()>; }
