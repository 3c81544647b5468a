// Mistake: then() with a column instead of a relation.
// expect: name
// fix: col
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn main() { let _ = Post::query().prefetch_related(Post::tags().then(Tag::name())); }
