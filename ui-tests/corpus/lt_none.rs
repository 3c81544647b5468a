// Mistake: ordering comparison with None.
// expect: None
// fix: is_null
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn main() {
    let _ = Product::query().filter(Product::stock().lt(None));
}
