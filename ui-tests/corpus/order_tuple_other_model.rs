// Mistake: order_by tuple whose second key is another model's column
// expect: name
// fix: Post::author()
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn main() { let _ = Post::query().select_related(Post::author()).order_by((Post::views().desc(), Author::name().asc())); }
