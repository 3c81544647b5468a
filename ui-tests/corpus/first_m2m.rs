// Mistake: first() of a ManyToMany.
// expect: first
// fix: get
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn first_tag(post: &Post) -> Option<String> { post.tags.first().map(|t| t.name.clone()) }

fn main() {
    let _ = first_tag;
}
