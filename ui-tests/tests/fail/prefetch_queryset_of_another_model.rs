// Django's `Prefetch("tags", queryset=Author.objects.all())`: a queryset of
// the wrong model is one error naming both, not a mismatch of query types.
#[path = "common/blog.rs"]
mod blog;

use blog::*;
use related::prelude::*;

fn main() {
    let _ = Post::query().prefetch(Prefetch::new(Post::tags()).queryset(Author::query()));
}
