// Mistake: len() on a ManyToMany field
// expect: len
// fix: get
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn f(p: &Post) -> usize { p.tags.len() } fn main() {}
