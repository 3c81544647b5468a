// Mistake: select_related through a FK then a many-to-many.
// expect: tags
// fix: prefetch_related
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn main() { let _ = Comment::query().select_related(Comment::post().then(Post::tags())); }
