// Mistake: len() of a ManyToMany.
// expect: len
// fix: get
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn count(post: &Post) -> usize { post.tags.len() }

fn main() {
    let _ = count;
}
