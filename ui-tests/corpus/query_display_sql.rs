// Mistake: printing the query to see its SQL (Django's str(qs.query))
// expect: Query
// fix: plan(
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;
#[allow(unused_imports)]
use related::Loaded;

fn main() { println!("{}", Post::query().select_related(Post::author())); }
