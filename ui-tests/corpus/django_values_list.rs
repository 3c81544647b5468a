// Mistake: Django's values_list(..).
// expect: values_list
// fix: map
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn main() { let _ = Post::query().values_list(Post::title()); }
