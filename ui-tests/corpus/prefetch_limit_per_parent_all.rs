// Mistake: Prefetch limit expected per parent, given to the outer query instead
// expect: limit
// fix: Prefetch::new
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn main() { let _ = Post::query().prefetch_related(Post::comments().limit(3)); }
