// Indexing an untyped many-valued field: one error naming `.get()?`.
#[path = "common/blog.rs"]
mod blog;

use blog::*;

fn first_tag(post: &Post) -> &Tag {
    &post.tags[0]
}

fn main() {
    let _ = first_tag;
}
