// Mistake: reading the key through the ForeignKey as a field
// expect: id
// fix: key
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn f(p: &Post) -> i64 { p.author.id } fn main() {}
