// Mistake: Some(// Mistake: some_str_on_optionstr) on an Option<String> column.
// expect: subtitle
// fix: Some
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn main() { let _ = Post::query().filter(Post::subtitle().eq(Some("x"))); }
