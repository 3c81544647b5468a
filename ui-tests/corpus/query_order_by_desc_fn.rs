// Mistake: order_by given desc as a function call
// expect: desc
// fix: .desc()
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn main() { let _ = Post::query().order_by(related::desc(Post::views())); }
