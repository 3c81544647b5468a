// Django's, Diesel's and SeaORM's names for column lookups (`in_`,
// `eq_any`, `not_in`, `range`, `exact`, `ilike`): each one error naming the
// method here.
#[path = "common/blog.rs"]
mod blog;

use blog::*;

fn main() {
    let _ = Post::query().filter(Post::id().eq_any(vec![1, 2]));
    let _ = Post::query().filter(Post::id().not_in(vec![1]));
    let _ = Post::query().filter(Post::id().range(1, 5));
    let _ = Post::query().filter(Post::title().exact("x"));
    let _ = Post::query().filter(Post::title().ilike("%x%"));
}
