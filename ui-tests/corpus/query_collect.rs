// Mistake: collecting a query into a Vec.
// expect: Query
// fix: .all(
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn main() { let _: Vec<Post> = Post::query().collect(); }
