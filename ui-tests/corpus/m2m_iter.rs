// Mistake: iter() on a ManyToMany field
// expect: iter
// fix: get
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn f(p: &Post) { for t in p.tags.iter() { let _ = t; } } fn main() {}
