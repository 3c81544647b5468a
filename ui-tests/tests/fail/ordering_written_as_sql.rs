// A default ordering written as SQL (`title desc`): one error naming the
// Django form, `-title`.
#[derive(Clone, Debug, related::Model)]
#[related(ordering = "title desc")]
pub struct Post {
    pub id: i64,
    pub title: String,
}

fn main() {}
