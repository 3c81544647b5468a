// Django's `annotate(n=Count("tags")).filter(n__gt=3)` written on the
// handle: one error naming `count_related`, and the comparison after
// `count()` adds none.
#[path = "common/blog.rs"]
mod blog;

use blog::*;
use related::prelude::*;

fn main() {
    let _ = Post::query().filter(Post::tags().count().gt(3));
}
