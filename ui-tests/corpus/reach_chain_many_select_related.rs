// Mistake: select_related of a chain whose last hop is many-valued, written as a handle chain.
// expect: posts
// fix: prefetch_related
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn main() { let _ = Post::query().select_related(Post::author().posts()); }
