// An untyped many-valued field may not hold its rows: `len()` on it is one
// error naming `.get()?`, not "expected usize, found Result".
#[path = "common/blog.rs"]
mod blog;

use blog::*;

fn tag_count(post: &Post) -> usize {
    post.tags.len()
}

fn main() {
    let _ = tag_count;
}
