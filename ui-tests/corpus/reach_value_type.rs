// Mistake: a string compared with an integer column through a relation
// expect: views
// fix: own type
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn main() { let _ = Comment::query().filter(Comment::post().views().eq("3")); }
