// Mistake: comparing a ForeignKey with a key.
// expect: author
// fix: key
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn by(post: &Post) -> bool { post.author == 3 }

fn main() {
    let _ = by;
}
