// `.prefetch(Post::tags())`: the handle where its `Prefetch` goes. One error
// naming `Prefetch::new(..)` and `.prefetch_related(..)`, not a mismatch of
// `Prefetch<_, _, _>` and `tags`.
#[path = "common/blog.rs"]
mod blog;

use blog::*;

fn main() {
    let _ = Post::query().prefetch(Post::tags());
}
