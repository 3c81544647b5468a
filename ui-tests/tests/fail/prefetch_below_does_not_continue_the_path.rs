// `prefetch_below(path, prefetch)` whose `Prefetch` is not of a relation of
// the model the path ends at (`tags` is Post's, the path ends at Author):
// one error naming both, not one per bound of the method.
#[path = "common/blog.rs"]
mod blog;

use blog::*;
use related::prelude::*;

fn main() {
    let _ = Post::query().prefetch_below(Post::author(), Prefetch::new(Post::tags()));
}
