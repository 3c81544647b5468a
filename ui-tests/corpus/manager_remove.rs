// Mistake: Django's post.tags.remove(tag) on a relation field.
// expect: remove
// fix: DELETE FROM
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn f(post: &mut Post, tag: &Tag) { post.tags.remove(tag); }
fn main() {}
