// A column through a many-valued relation would repeat rows: it takes
// `Post::tags().any(Tag::name().eq("x"))` (an EXISTS), not `col`.
use related::prelude::*;

#[path = "common/blog.rs"]
mod blog;

use blog::*;

fn main() {
    let _ = Post::query().filter(Post::tags().col(Tag::name()).eq("x"));
}
