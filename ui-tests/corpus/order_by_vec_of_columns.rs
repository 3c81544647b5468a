// Mistake: a Vec of bare columns as the order
// expect: title
// fix: .asc()
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;
#[allow(unused_imports)]
use related::Loaded;

fn main() { let _ = Post::query().order_by(vec![Post::title(), Post::id()]); }
