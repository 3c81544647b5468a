// Mistake: Django's Post.objects manager.
// expect: objects
// fix: query()
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn main() { let _ = Post::objects().filter(Post::id().eq(1)); }
