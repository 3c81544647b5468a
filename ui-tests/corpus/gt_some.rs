// Mistake: ordering comparison with Some.
// expect: Option
// fix: i32
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn main() {
    let _ = Product::query().filter(Product::stock().gt(Some(3)));
}
