// Mistake: Django's post.tags.add(tag) on a relation field.
// expect: add(..)
// fix: db.link(
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn f(post: &mut Post, tag: &Tag) { post.tags.add(tag); }
fn main() {}
