// Mistake: select_related chain ending in a reverse relation
// expect: posts
// fix: prefetch_related
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn main() { let _ = Post::query().select_related(Post::author().then(Author::posts())); }
