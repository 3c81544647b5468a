// Mistake: all(..) on a relation, meaning every tag matches
// expect: all
// fix: any(
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn main() { let _ = Post::query().filter(Post::tags().all(Tag::name().starts_with("rust"))); }
