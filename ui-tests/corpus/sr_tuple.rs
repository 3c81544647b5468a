// Mistake: several relations in one select_related call, as a tuple.
// expect: author
// fix: select_related
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn main() { let _ = Post::query().select_related((Post::author(), Comment::post())); }
