// Mistake: a column of the query own model written after a relation.
// expect: title
// fix: Post::title()
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn main() { let _ = Post::query().filter(Post::author().title().eq("x")); }
