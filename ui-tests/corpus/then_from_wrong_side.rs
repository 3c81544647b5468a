// Mistake: a chain written from the wrong end.
// expect: author
// fix: connect end to start
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn main() { let _ = Comment::query().select_related(Post::author().then(Comment::post())); }
