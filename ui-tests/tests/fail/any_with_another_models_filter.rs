// any() through a relation given a filter over another model.
use related::prelude::*;

#[path = "common/blog.rs"]
mod blog;

use blog::*;

fn main() {
    let _ = Post::query().filter(Post::author().any(Tag::name().eq("rust")));
}
