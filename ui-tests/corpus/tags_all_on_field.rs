// Mistake: Django post.tags.all() on a relation field
// expect: all
// fix: get()
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn f(p: &Post) { for t in p.tags.all() { let _ = t; } } fn main() { let _ = f; }
