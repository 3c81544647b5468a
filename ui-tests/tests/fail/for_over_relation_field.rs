// A `for` loop over an untyped relation field: one error naming `.get()?`
// and the typed row's accessor.

#[path = "common/blog.rs"]
mod blog;

use blog::*;

fn titles(post: &Post) {
    for tag in &post.tags {
        let _ = tag;
    }
}

fn main() {
    let _ = titles;
}
