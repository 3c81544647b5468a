// A column handle named without its call (`Post::title.eq(..)`): one
// error per use naming the call, not rustc's list of unmet bounds.
use related::prelude::*;

#[derive(Clone, Debug, related::Model)]
pub struct Post {
    pub id: i64,
    pub title: String,
}

fn main() {
    let _ = Post::query().filter(Post::title.eq("Rust"));
    let _ = Post::query().order_by(Post::id.desc());
}
