// A column through a many-valued relation written as the target's handle
// (Django's `tags__name`): one error naming `.any(..)`.

#[path = "common/blog.rs"]
mod blog;

use blog::*;

fn main() {
    let _ = Post::query().filter(Post::tags().name().eq("x"));
}
