// Mistake: select_related whose last hop is many-valued.
// expect: tags
// fix: prefetch_related
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn main() {
    let _ = Comment::query().select_related(Comment::post().then(Post::tags()));
}
