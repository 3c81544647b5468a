// Mistake: eq(None) on a non-null column across a nullable foreign key
// expect: name
// fix: is_null
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;
#[allow(unused_imports)]
use related::Loaded;

fn main() { let _ = Author::query().filter(Author::publisher().name().eq(None)); }
