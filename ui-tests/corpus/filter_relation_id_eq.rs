// Mistake: comparing a relation handle with an integer
// expect: author
// fix: author_id()
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn main() { let _ = Post::query().filter(Post::author().eq(3)); }
