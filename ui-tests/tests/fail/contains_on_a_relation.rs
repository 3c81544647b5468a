// `contains` on a many-valued relation (a collection's method, Django's
// `tags__in`): one error naming `any`.
#[path = "common/blog.rs"]
mod blog;

use blog::*;
use related::prelude::*;

fn main() {
    let _ = Post::query().filter(Post::tags().contains(Tag::name().eq("rust")));
}
