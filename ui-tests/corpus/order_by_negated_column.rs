// Mistake: Django's -field ordering written as a negated column
// expect: MinusColumn
// fix: .desc()
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn main() { let _ = Post::query().order_by(-Post::views()); }
