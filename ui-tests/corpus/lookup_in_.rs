// Mistake: Django's __in written as in_.
// expect: in_
// fix: is_in(
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn main() { let _ = Post::query().filter(Post::id().in_(vec![1, 2])); }
