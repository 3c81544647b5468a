// Mistake: is_empty() on a relation handle (Django's tags__isnull=True)
// expect: is_empty
// fix: any(
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;
#[allow(unused_imports)]
use related::Loaded;

fn main() { let _ = Post::query().filter(Post::tags().is_empty()); }
