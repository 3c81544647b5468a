// Mistake: a function taking Col<Post, String> without the field marker
// expect: Col
// fix: Col<Post, String, N>
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;
#[allow(unused_imports)]
use related::Loaded;

fn starts(c: related::Col<Post, String>, s: &str) -> related::Filter<Post> { c.starts_with(s) }
fn main() { let _ = starts(Post::title(), "a"); }
