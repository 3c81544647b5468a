// Mistake: Django's -field ordering in a tuple of columns
// expect: MinusColumn
// fix: .desc()
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn main() { let _ = Post::query().order_by((-Post::views(), Post::id().asc())); }
