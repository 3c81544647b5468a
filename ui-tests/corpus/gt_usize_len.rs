// Mistake: a usize (a len()) compared with an i32 column
// expect: views
// fix: i32
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;
#[allow(unused_imports)]
use related::Loaded;

fn f(words: &[String]) { let _ = Post::query().filter(Post::views().gt(words.len())); }
fn main() { let _ = f; }
