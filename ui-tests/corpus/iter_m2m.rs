// Mistake: iterating a ManyToMany.
// expect: iter
// fix: get
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn names(post: &Post) -> Vec<String> { post.tags.iter().map(|t| t.name.clone()).collect() }

fn main() {
    let _ = names;
}
