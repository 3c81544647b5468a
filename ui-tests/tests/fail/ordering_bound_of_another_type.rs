// `lt`, `le`, `gt` and `ge` take a value of the column's type: a string is
// not a bound of an integer column.

#[path = "common/blog.rs"]
mod blog;

use blog::*;

fn main() {
    let _ = Post::query().filter(Post::id().ge("3"));
}
