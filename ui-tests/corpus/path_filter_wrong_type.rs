// Mistake: a wrong value type through a relation's column.
// expect: name
// fix: &str
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn main() { let _ = Post::query().filter(Post::author().col(Author::name()).eq(5)); }
