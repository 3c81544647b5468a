// Mistake: a column through a reverse foreign key, Django posts__title.
// expect: posts
// fix: any
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn main() { let _ = Author::query().filter(Author::posts().title().eq("x")); }
