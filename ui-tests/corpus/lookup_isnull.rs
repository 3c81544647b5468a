// Mistake: Django's __isnull as isnull(true).
// expect: isnull
// fix: is_null
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn main() { let _ = Post::query().filter(Post::subtitle().isnull(true)); }
