// Mistake: prefetch_below given Django's lookup string as its path
// expect: &str
// fix: Post::author()
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;
#[allow(unused_imports)]
use related::Loaded;

fn main() { let _ = Post::query().prefetch_below("author__posts", Prefetch::new(Post::comments())); }
