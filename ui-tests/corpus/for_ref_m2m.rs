// Mistake: for loop over a reference to a ManyToMany field
// expect: tags
// fix: get
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn f(p: &Post) { for t in &p.tags { let _ = t; } } fn main() {}
