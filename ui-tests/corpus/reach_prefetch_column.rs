// Mistake: prefetch_related given a column through a relation
// expect: name
// fix: relation
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn main() { let _ = Post::query().prefetch_related(Post::author().name()); }
