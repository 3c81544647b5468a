// A Rust comparison inside `filter`: one error (rustc's, for the operator),
// whose note names the methods; the `filter` call does not add a second
// one about a `bool`.

#[derive(Clone, Debug, related::Model)]
pub struct Post {
    pub id: i64,
    pub title: String,
    pub views: i32,
}

fn main() {
    let _ = Post::query().filter(Post::views() > 3);
}
