// Mistake: filtering on a relation's count (Django annotate(Count).filter(n__gt=3))
// expect: count
// fix: count_related
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn main() { let _ = Post::query().filter(Post::comments().count().gt(3)); }
