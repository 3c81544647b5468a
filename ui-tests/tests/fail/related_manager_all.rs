// Django's `post.tags.all()`: a field is what its query loaded, read with
// `.get()?`; one error saying so, not "no method named `all`".
#[path = "common/blog.rs"]
mod blog;

use blog::*;

fn f(post: &Post) -> usize {
    post.tags.all().len()
}

fn main() {
    let _ = f;
}
