// Mistake: two relations in one select_related call
// expect: select_related
// fix: .select_related(
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn main() { let _ = Post::query().select_related(Post::author(), Post::tags()); }
