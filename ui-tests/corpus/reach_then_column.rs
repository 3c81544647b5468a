// Mistake: then() given a column
// expect: name
// fix: col
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn main() { let _ = Post::query().filter(Post::author().then(Author::name()).eq("x")); }
