
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, related::Column)]
#[related(rename_all = "snake_case")]
pub enum Status {
    Draft,
    Published,
}

#[derive(Clone, Debug, related::Model)]
pub struct Post {
    pub id: i64,
    pub status: Status,
}

fn main() {
    // Stored as text: SQL would order "draft" < "published" by text, not by
    // declaration, so there is no `lt` (`eq` and `is_in` are fine).
    let _ = Post::query().filter(Post::status().is_in([Status::Draft]));
    let _ = Post::query().filter(Post::status().lt(Status::Published));
}
