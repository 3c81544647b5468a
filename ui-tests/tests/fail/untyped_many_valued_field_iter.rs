// Iterating an untyped many-valued field: one error naming `.get()?`, not
// "no field `name` on type `std::slice::Iter`".
#[path = "common/blog.rs"]
mod blog;

use blog::*;

fn tag_names(post: &Post) -> Vec<String> {
    post.tags.iter().map(|tag| tag.name.clone()).collect()
}

fn main() {
    let _ = tag_names;
}
