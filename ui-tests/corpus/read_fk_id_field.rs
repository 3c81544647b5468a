// Mistake: reading Django's post.author_id attribute on a row.
// expect: author_id
// fix: key()
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn f(p: &Post) -> i64 { p.author_id } fn main() {}
