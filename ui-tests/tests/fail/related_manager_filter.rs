// Django's `post.tags.filter(..)`: one error naming a `Prefetch` with the
// filter (what the query loads) and the slice's own `filter`.
#[path = "common/blog.rs"]
mod blog;

use blog::*;

fn f(post: &Post) -> usize {
    post.tags.filter(Tag::name().eq("rust")).len()
}

fn main() {
    let _ = f;
}
