// A Django lookup string where a relation handle goes.
#[path = "common/blog.rs"]
mod blog;

use blog::*;

fn main() {
    let _ = Post::query().select_related("author");
}
