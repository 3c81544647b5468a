// Mistake: a row's key read with the handle's call syntax
// expect: id
// fix: post.id
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;
#[allow(unused_imports)]
use related::Loaded;

fn f(post: &Post) -> i64 { post.id() }
fn main() { let _ = f; }
