// Mistake: plan() without its dialect
// expect: plan
// fix: Dialect
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;
#[allow(unused_imports)]
use related::Loaded;

fn main() { let _ = Post::query().select_related(Post::author()).plan(); }
