// Mistake: Django exclude with a tuple of conditions
// expect: (
// fix: combine with `&`
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn main() { let _ = Post::query().exclude((Post::views().gt(1), Post::id().eq(2))); }
