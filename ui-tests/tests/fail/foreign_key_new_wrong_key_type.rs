// `ForeignKey::new` with an integer of another width than the key: one
// error naming the key's type and the conversion.
use related::prelude::*;

#[derive(Clone, Debug, related::Model)]
pub struct Post {
    pub id: i64,
}

#[derive(Clone, Debug, related::Model)]
pub struct Comment {
    pub id: i64,
    pub post: ForeignKey<Post>,
}

fn main() {
    let post_id: i32 = 3;
    let _ = Comment { id: 1, post: ForeignKey::new(post_id) };
}
