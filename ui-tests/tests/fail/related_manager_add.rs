// Django's `post.tags.add(tag)`: one error naming `db.link(..)`.
#[path = "common/blog.rs"]
mod blog;

use blog::*;

fn f(post: &mut Post, tag: &Tag) {
    post.tags.add(tag);
}

fn main() {
    let _ = f;
}
