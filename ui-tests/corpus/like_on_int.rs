// Mistake: like on an integer column.
// expect: like
// fix: String
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn main() {
    let _ = Product::query().filter(Product::rating().like("4%"));
}
