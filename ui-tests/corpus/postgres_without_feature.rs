// Mistake: Postgres without its feature
// expect: Postgres
// fix: feature
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn main() { let _ = related::Postgres::connect("postgres://localhost/test"); }
