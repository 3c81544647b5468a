// Mistake: Django's post.tags.filter(..) on a relation field.
// expect: filter
// fix: Prefetch::new
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn f(post: &Post) -> usize { post.tags.filter(Tag::name().eq("rust")).len() }
fn main() {}
