// Mistake: is_null on a nullable relation handle
// expect: publisher
// fix: publisher_id
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn main() { let _ = Author::query().filter(Author::publisher().is_null()); }
