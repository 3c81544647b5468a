// Mistake: select_related through a chain ending in a Reverse.
// expect: comments
// fix: prefetch_related
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn main() { let _ = Comment::query().select_related(Comment::post().then(Post::comments())); }
