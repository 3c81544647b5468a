// Mistake: ForeignKey::new given the row instead of its key
// expect: new
// fix: key
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn f(a: Author) { let _: ForeignKey<Author> = ForeignKey::new(a); } fn main() {}
