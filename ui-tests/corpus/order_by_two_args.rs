// Mistake: several orderings in one order_by call, as in Django.
// expect: title
// fix: .order_by(
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn main() { let _ = Post::query().order_by(Post::title().asc(), Post::id().desc()); }
