// `is_in` takes a list; one value where the list goes is one error naming
// `is_in`, the column and `.eq(value)`, not rustc's "is not an iterator".
#[path = "common/blog.rs"]
mod blog;

use blog::*;

fn main() {
    let id: i64 = 3;
    let _ = Post::query().filter(Post::id().is_in(id));
}
