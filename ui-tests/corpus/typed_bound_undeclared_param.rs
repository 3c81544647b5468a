// Mistake: a Has bound whose argument is not declared
// expect: A
// fix: <A>
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;
#[allow(unused_imports)]
use related::Loaded;

fn byline(post: &Loaded<Post, impl PostHasAuthor<A>>) -> String {
    post.author().name.clone()
}
fn main() {}
