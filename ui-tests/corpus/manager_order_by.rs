// Mistake: Django's post.comments.order_by(..) on a relation field.
// expect: order_by
// fix: Prefetch::new
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn f(post: &Post) -> usize { post.comments.order_by(Comment::id().desc()).len() }
fn main() {}
