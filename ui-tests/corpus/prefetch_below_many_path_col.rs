// Mistake: prefetch_below with a column as its path.
// expect: title
// fix: Model::field()
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn main() { let _ = Post::query().prefetch_below(Post::title(), Prefetch::new(Tag::posts())); }
