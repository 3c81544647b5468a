// `all(..)` on a relation handle (every related row matches): one error
// naming the relation and `!any(!f)`, not rustc's offer of
// `Iterator::all` over 17 lines.
#[path = "common/blog.rs"]
mod blog;

use blog::*;
use related::prelude::*;

fn main() {
    let _ = Post::query().filter(Post::tags().all(Tag::name().eq("rust")));
}
