// Mistake: a Django-style ordering string ("-title").
// expect: &str
// fix: .asc()
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn main() { let _ = Post::query().order_by("-title"); }
