// Mistake: Prefetch filter on the source model's column.
// expect: title
// fix: Tag
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn main() {
    let _ = Post::query().prefetch(Prefetch::new(Post::tags()).filter(Post::title().eq("x")));
}
