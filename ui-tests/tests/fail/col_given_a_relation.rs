// `col` takes a column of the model the path reaches; a relation there
// continues the path with `then`.
use related::prelude::*;

#[path = "common/blog.rs"]
mod blog;

use blog::*;

fn main() {
    let _ = Comment::query().filter(Comment::post().col(Post::author()).eq(1));
}
