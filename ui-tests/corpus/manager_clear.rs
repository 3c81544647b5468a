// Mistake: Django's post.tags.clear() on a relation field.
// expect: clear
// fix: DELETE FROM
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn f(post: &mut Post) { post.tags.clear(); }
fn main() {}
