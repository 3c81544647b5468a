// Mistake: any() with no filter, for Django's comments__isnull=False
// expect: any
// fix: is_not_null
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn main() { let _ = Post::query().filter(Post::comments().any()); }
