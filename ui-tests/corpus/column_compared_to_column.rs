// Mistake: a column compared with another column (Django's F())
// expect: views
// fix: F(
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;
#[allow(unused_imports)]
use related::Loaded;

fn main() { let _ = Post::query().filter(Post::views().gt(Post::id())); }
