// Mistake: push() on a ManyToMany field to link
// expect: push
// fix: link
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn f(p: &mut Post, t: Tag) { p.tags.push(t); } fn main() {}
