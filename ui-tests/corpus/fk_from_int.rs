// Mistake: ForeignKey from an integer via into
// expect: into
// fix: new
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn f() { let _: ForeignKey<Author> = 1.into(); } fn main() {}
