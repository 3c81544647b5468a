// Mistake: two Prefetch objects passed to one prefetch call as a tuple
// expect: Prefetch
// fix: one per call
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn main() {
    let _ = Post::query().prefetch((
        Prefetch::new(Post::tags()).filter(Tag::name().eq("rust")),
        Prefetch::new(Post::comments()).limit(3),
    ));
}
