// Mistake: Django's tag.posts.add(post) on the reverse side of a many-to-many.
// expect: add(..)
// fix: db.link(
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn f(tag: &mut Tag, post: &Post) { tag.posts.add(post); }
fn main() {}
