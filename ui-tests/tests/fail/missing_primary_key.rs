#[derive(Clone, Debug, related::Model)]
pub struct Post {
    pub post_id: i64,
    pub title: String,
}

fn main() {}
