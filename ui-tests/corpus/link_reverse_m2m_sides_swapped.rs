// Mistake: link from the reverse side of a many-to-many, rows given in the forward order.
// expect: posts
// fix: own model comes first
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn f(db: &related::Sqlite, post: &Post, tag: &Tag) -> related::Result<()> { db.link(Tag::posts(), post, tag) }
fn main() { let _ = f; }
