// Mistake: ordering by a column through a many-valued relation
// expect: comments
// fix: many
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn main() { let _ = Post::query().order_by(Post::comments().col(Comment::body()).asc()); }
