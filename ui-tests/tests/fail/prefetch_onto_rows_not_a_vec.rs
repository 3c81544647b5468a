// `prefetch_onto` fills the caller's rows in place: it takes `&mut Vec<_>`.
// A slice (which cannot give its rows up) is one error naming
// `prefetch_onto` and the fix, not a type mismatch.
#[path = "common/blog.rs"]
mod blog;

use blog::*;

fn load(db: &related::Sqlite, posts: &mut [Post]) -> related::Result<()> {
    Post::query()
        .prefetch_related(Post::tags())
        .prefetch_onto(posts, db)
}

fn main() {
    let _ = load;
}
