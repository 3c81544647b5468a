// Mistake: select(columns) to read some columns (SeaORM/Diesel)
// expect: select
// fix: all(
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;
#[allow(unused_imports)]
use related::Loaded;

fn main() { let _ = Post::query().select(Post::title()); }
