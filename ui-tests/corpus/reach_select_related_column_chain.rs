// Mistake: select_related of a relation then a column
// expect: name
// fix: Post::author()
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn main() { let _ = Comment::query().select_related(Comment::post().author().name()); }
