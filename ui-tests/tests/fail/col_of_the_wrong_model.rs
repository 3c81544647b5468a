// The column given to `col` must belong to the model the path reaches.
use related::prelude::*;

#[path = "common/blog.rs"]
mod blog;

use blog::*;

fn main() {
    let _ = Post::query().filter(Post::author().col(Post::title()).eq("x"));
}
