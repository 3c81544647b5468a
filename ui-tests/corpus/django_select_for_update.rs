// Mistake: Django's .select_for_update() on a query.
// expect: select_for_update
// fix: SELECT
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn main() { let _ = Post::query().select_for_update(); }
