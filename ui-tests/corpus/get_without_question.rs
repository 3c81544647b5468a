// Mistake: reading a field through get() without ?
// expect: name
// fix: ?
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn f(p: &Post) -> String { p.author.get().name.clone() } fn main() {}
