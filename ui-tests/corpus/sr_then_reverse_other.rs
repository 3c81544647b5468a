// Mistake: a chain repeating its first hop.
// expect: post
// fix: Author
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn main() { let _ = Comment::query().select_related(Comment::post().then(Comment::post())); }
