// Mistake: order by a column through a many-valued relation
// expect: tags
// fix: Prefetch
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn main() { let _ = Post::query().order_by(Post::tags().col(Tag::name()).asc()); }
