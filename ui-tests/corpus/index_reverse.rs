// Mistake: indexing a Reverse field.
// expect: comments
// fix: get
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn first(post: &Post) -> &Comment { &post.comments[0] }

fn main() {
    let _ = first;
}
