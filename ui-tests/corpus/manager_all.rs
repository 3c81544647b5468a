// Mistake: Django's post.tags.all() on a relation field.
// expect: all()
// fix: .get()?
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn f(post: &Post) -> usize { post.tags.all().len() }
fn main() {}
