// Django's `Prefetch("tags", queryset=...)` written on the handle: the
// rows a relation loads are filtered, ordered and limited by a `Prefetch`.
// One error each.
#[path = "common/blog.rs"]
mod blog;

use blog::*;
use related::prelude::*;

fn main() {
    let _ = Post::query().prefetch_related(Post::tags().filter(Tag::name().eq("rust")));
    let _ = Post::query().prefetch_related(Post::tags().order_by(Tag::name().asc()));
}
