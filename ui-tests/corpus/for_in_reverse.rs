// Mistake: for loop over a Reverse field.
// expect: posts
// fix: get
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn titles(a: &Author) { for p in a.posts { let _ = p; } }

fn main() {
    let _ = titles;
}
