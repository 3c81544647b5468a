// Mistake: a string compared with a key column.
// expect: author_id
// fix: i64
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn main() { let _ = Post::query().filter(Post::author_id().eq("ann")); }
