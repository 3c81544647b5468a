// Mistake: is_in on a relation handle with keys
// expect: author
// fix: author_id()
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn main() { let _ = Post::query().filter(Post::author().is_in(vec![1, 2])); }
