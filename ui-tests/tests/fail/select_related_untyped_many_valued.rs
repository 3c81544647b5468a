// The untyped `select_related` of a many-valued relation: one error naming
// `prefetch_related_untyped`, without rustc quoting the user's field.
#[path = "common/blog.rs"]
mod blog;

use blog::*;

fn main() {
    let _ = Post::query().select_related_untyped(Post::tags());
}
