// Mistake: iter on a query, as over a QuerySet
// expect: iter
// fix: all(&db)
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn main() { let _ = Post::query().iter(); }
