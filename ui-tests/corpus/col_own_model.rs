// Mistake: col given a column of the query model
// expect: title
// fix: Post::title()
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn main() { let _ = Post::query().filter(Post::author().col(Post::title()).eq("x")); }
