// Django's `post.tags.remove(tag)` (and `clear`, `set`, `create`): one
// error saying that link rows are deleted with the caller's SQL.
#[path = "common/blog.rs"]
mod blog;

use blog::*;

fn f(post: &mut Post, tag: &Tag) {
    post.tags.remove(tag);
}

fn main() {
    let _ = f;
}
