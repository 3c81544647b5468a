// Mistake: Diesel/SeaORM group_by to count per row
// expect: group_by
// fix: count_related
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;
#[allow(unused_imports)]
use related::Loaded;

fn main() { let _ = Post::query().group_by(Post::author_id()); }
