// Mistake: moving a String out of a shared related row
// expect: name
// fix: clone
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn f(p: &Post) -> related::Result<Vec<String>> { Ok(p.tags.get()?.iter().map(|t| t.name).collect()) } fn main() { let _ = f; }
