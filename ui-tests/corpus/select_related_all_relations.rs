// Mistake: select_related() with no argument, Django style, for every relation
// expect: select_related
// fix: Post::author()
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn main() { let _ = Post::query().select_related(()); }
