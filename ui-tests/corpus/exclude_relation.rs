// Mistake: exclude given a relation
// expect: tags
// fix: any
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn main() { let _ = Post::query().exclude(Post::tags()); }
