// between() with two ends of another type than the column: one error.
#[derive(Clone, Debug, related::Model)]
pub struct Post {
    pub id: i64,
    pub views: i32,
}

fn main() {
    let _ = Post::query().filter(Post::views().between("a", "z"));
}
