// `is_none()` / `is_some()` / `isnull(..)` for IS NULL and `not_like(..)`:
// one error each naming `is_null` / `is_not_null` and `!` / `exclude`.

#[derive(Clone, Debug, related::Model)]
pub struct Post {
    pub id: i64,
    pub title: String,
    pub subtitle: Option<String>,
}

fn main() {
    let _ = Post::query().filter(Post::subtitle().is_none());
    let _ = Post::query().filter(Post::subtitle().is_some());
    let _ = Post::query().filter(Post::subtitle().isnull(true));
    let _ = Post::query().filter(Post::title().not_like("%draft%"));
}
