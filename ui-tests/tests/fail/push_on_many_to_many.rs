// `push` on a many-to-many field, to link a row: one error naming
// `db.link(..)`.

#[path = "common/blog.rs"]
mod blog;

use blog::*;

fn tag(post: &mut Post, tag: Tag) {
    post.tags.push(tag);
}

fn main() {
    let _ = tag;
}
