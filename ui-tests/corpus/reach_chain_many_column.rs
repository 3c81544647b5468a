// Mistake: a column through a chain whose second hop is many-valued
// expect: posts
// fix: any
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn main() { let _ = Post::query().filter(Post::author().posts().title().eq("x")); }
