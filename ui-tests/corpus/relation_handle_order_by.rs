// Mistake: order_by on a relation handle
// expect: `comments` is a relation handle
// fix: Prefetch::new(Model::
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn main() { let _ = Post::query().prefetch_related(Post::comments().order_by(Comment::id().desc())); }
