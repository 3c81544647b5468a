// Mistake: through (a link table) on a ForeignKey field
// expect: through
// fix: ManyToMany
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

#[derive(Clone, Debug, related::Model)]
pub struct Book { pub id: i64, #[related(through = "book_authors")] pub author: ForeignKey<Author> }
fn main() {}
