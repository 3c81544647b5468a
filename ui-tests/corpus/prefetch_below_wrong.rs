// Mistake: prefetch_below whose Prefetch is not a relation of the path's end.
// expect: tags
// fix: Author
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn main() { let _ = Post::query().prefetch_below(Post::author(), Prefetch::new(Post::tags())); }
