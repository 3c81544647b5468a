// Mistake: col given a column of a model the path does not reach
// expect: name
// fix: Author::name()
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn main() { let _ = Post::query().filter(Post::author().col(Publisher::name()).eq("x")); }
