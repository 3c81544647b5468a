// Mistake: several relations in one prefetch_related call, as a tuple.
// expect: (tags, comments)
// fix: one call each
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn main() { let _ = Post::query().prefetch_related((Post::tags(), Post::comments())); }
