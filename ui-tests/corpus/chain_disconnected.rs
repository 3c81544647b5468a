// Mistake: hops that do not connect.
// expect: posts
// fix: then
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn main() {
    let _ = Post::query().prefetch_related(Post::author().then(Tag::posts()));
}
