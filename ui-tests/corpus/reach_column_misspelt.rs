// Mistake: a misspelt column of the relation target.
// expect: nmae
// fix: name
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn main() { let _ = Post::query().filter(Post::author().nmae().eq("x")); }
