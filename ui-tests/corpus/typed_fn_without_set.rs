// Mistake: a typed function taking `Loaded<Post>` reads a relation it does not ask for
// expect: author
// fix: select_related(Post::author())
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn byline(p: &Loaded<Post>) -> String { p.author().name.clone() } fn main() {}
