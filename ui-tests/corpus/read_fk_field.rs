// Mistake: reading a field through a ForeignKey.
// expect: name
// fix: get
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn show(post: &Post) -> String { post.author.name.clone() }

fn main() {
    let _ = show;
}
