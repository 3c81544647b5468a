// Mistake: Django nulls_last on an ordering
// expect: nulls_last
// fix: order_by
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn main() { let _ = Product::query().order_by(Product::stock().desc().nulls_last()); }
