// Django's `post.tags.count()`: one error naming `.get()?.len()` and, for
// counting in the database, `count_related`.
#[path = "common/blog.rs"]
mod blog;

use blog::*;

fn f(post: &Post) -> usize {
    post.tags.count()
}

fn main() {
    let _ = f;
}
