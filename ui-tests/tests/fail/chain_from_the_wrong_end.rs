// A chain written from the wrong end: one error, no second one for the rows' type.
#[path = "common/blog.rs"]
mod blog;

use blog::*;

fn main() {
    let _ = Comment::query().select_related(Post::author().then(Comment::post()));
}
