// Mistake: ordering by another model's column without its relation.
// expect: name
// fix: author()
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn main() { let _ = Post::query().order_by(Author::name().asc()); }
