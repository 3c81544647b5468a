// Mistake: a per-relation bound without the set below it (`impl PostHasAuthor`).
// expect: PostHasAuthor
// fix: PostHasAuthor<N>
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn byline(post: &Loaded<Post, impl PostHasAuthor>) -> String { post.author().name.clone() } fn main() { let _ = byline; }
