// Mistake: prefetch_related_untyped of another model's relation
// expect: posts
// fix: Post::
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;
#[allow(unused_imports)]
use related::Loaded;

fn main() { let _ = Post::query().prefetch_related_untyped(Author::posts()); }
