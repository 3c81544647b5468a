// Mistake: two lookups in one prefetch_related call as a tuple
// expect: (tags, comments)
// fix: .prefetch_related(
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn main() { let _ = Post::query().prefetch_related((Post::tags(), Post::comments())); }
