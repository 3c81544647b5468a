// Mistake: prefetch_onto given a shared reference.
// expect: prefetch_onto
// fix: &mut rows
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn f(db: &related::Sqlite, p: Vec<Post>) { let _ = Post::query().prefetch_related(Post::tags()).prefetch_onto(&p, db); } fn main() {}
