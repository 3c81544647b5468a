// Mistake: is_in on a ForeignKey handle over the keys of rows (Django's post__in=posts)
// expect: post
// fix: post_id
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn f(posts: &[Post]) { let _ = Comment::query().filter(Comment::post().is_in(posts.iter().map(|p| p.id))); } fn main() { let _ = f; }
