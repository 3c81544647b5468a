// Mistake: eq(None) on a column that is not nullable.
// expect: title
// fix: None
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn main() { let _ = Post::query().filter(Post::title().eq(None)); }
