// Mistake: Django assertNumQueries name
// expect: assert_num_queries
// fix: expect_statements
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn main() { related::assert_num_queries(2, || ()); }
