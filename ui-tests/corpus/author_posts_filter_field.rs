// Mistake: Django author.posts.filter(..) on a reverse field
// expect: filter
// fix: prefetch
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn f(a: &Author) { let _ = a.posts.filter(Post::views().gt(3)); } fn main() { let _ = f; }
