// Mistake: contains on a many-to-many relation handle
// expect: contains
// fix: any(
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn main() { let _ = Post::query().filter(Post::tags().contains(Tag::name().eq("rust"))); }
