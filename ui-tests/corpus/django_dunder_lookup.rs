// Mistake: a Django double-underscore lookup as a handle name.
// expect: author__name
// fix: col(
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn main() { let _ = Post::query().filter(Post::author__name().eq("x")); }
