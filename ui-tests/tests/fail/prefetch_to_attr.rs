// Django's `Prefetch("tags", to_attr="python_tags")`: one error naming
// `.to(Post::python_tags())`.
#[path = "common/blog.rs"]
mod blog;

use blog::*;
use related::prelude::*;

fn main() {
    let _ = Post::query().prefetch(Prefetch::new(Post::tags()).to_attr("python_tags"));
}
