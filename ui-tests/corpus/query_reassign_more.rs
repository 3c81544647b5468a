// Mistake: reassigning a query variable after adding a relation
// expect: q
// fix: let q
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn main() { let mut q = Post::query(); q = q.select_related(Post::author()); let _ = q; }
