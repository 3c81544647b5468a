// Mistake: is_null given Django's isnull=True argument
// expect: is_null
// fix: is_null()
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;
#[allow(unused_imports)]
use related::Loaded;

fn main() { let _ = Post::query().filter(Post::subtitle().is_null(true)); }
