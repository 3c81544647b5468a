// Mistake: Django author.post_set on a row
// expect: post_set
// fix: posts
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn f(a: &Author) { let _ = a.post_set.get(); } fn main() { let _ = f; }
