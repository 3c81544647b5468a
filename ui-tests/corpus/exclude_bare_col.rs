// Mistake: exclude with a bare column.
// expect: title
// fix: eq
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn main() { let _ = Post::query().exclude(Post::title()); }
