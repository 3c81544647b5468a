// Mistake: a closure where a filter goes, as in iterator code.
// expect: closure
// fix: eq
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn main() { let _ = Post::query().filter(|p: &Post| p.title == "x"); }
