// Mistake: select_related hops that do not connect.
// expect: publisher
// fix: then
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn main() {
    let _ = Comment::query().select_related(Comment::post().then(Author::publisher()));
}
