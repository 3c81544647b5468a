// Mistake: Django's post.comments.count() on a relation field.
// expect: count()
// fix: .get()?.len()
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn f(post: &Post) -> usize { post.comments.count() }
fn main() {}
