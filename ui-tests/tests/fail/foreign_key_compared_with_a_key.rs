// A foreign key field compared with a key: one error naming `.key()`.
#[path = "common/blog.rs"]
mod blog;

use blog::*;

fn by_ann(post: &Post) -> bool {
    post.author == 1
}

fn main() {
    let _ = by_ann;
}
