// Mistake: col given a relation handle
// expect: publisher
// fix: then
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;
fn main() { let _ = Post::query().filter(Post::author().col(Author::publisher()).eq(1)); }
