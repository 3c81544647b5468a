// Mistake: Django's author.posts.exists() on a relation field.
// expect: exists()
// fix: .get()?.len()
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn f(author: &Author) -> bool { author.posts.exists() }
fn main() {}
