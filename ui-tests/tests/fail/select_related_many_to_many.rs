// A JOIN over a ManyToMany would repeat each post once per tag.
#[path = "common/blog.rs"]
mod blog;

use blog::*;

fn main() {
    let _ = Post::query().select_related(Post::tags());
}
