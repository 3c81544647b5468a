// Mistake: `.to(..)` chained on the query after prefetch_related (Django's to_attr)
// expect: to
// fix: Prefetch::new
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;
#[allow(unused_imports)]
use related::Loaded;

fn main() { let _ = Post::query().prefetch_related(Post::tags()).to(Post::python_tags()); }
