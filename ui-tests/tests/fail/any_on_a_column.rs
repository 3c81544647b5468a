// `any` filters through a relation; a column is compared directly.

#[path = "common/blog.rs"]
mod blog;

use blog::*;

fn main() {
    let _ = Post::query().filter(Post::title().any(Tag::name().eq("rust")));
}
