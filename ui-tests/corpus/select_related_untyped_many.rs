// Mistake: select_related_untyped on a many-to-many
// expect: tags
// fix: prefetch_related
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;
#[allow(unused_imports)]
use related::Loaded;

fn main() { let _ = Post::query().select_related_untyped(Post::tags()); }
