// Mistake: Django's post.tags.set([..]) on a relation field.
// expect: set
// fix: db.link(
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn f(post: &mut Post, tags: Vec<Tag>) { post.tags.set(tags); }
fn main() {}
