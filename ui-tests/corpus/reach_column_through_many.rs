// Mistake: a target column through a many-valued relation, Django tags__name.
// expect: tags
// fix: any
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn main() { let _ = Post::query().filter(Post::tags().name().eq("x")); }
