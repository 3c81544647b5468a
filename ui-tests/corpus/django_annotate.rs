// Mistake: Django's annotate(..) for a count.
// expect: annotate
// fix: count_related
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn main() { let _ = Post::query().annotate("tag_count"); }
