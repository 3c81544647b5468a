#[derive(Clone, Debug, related::Model)]
pub struct SavedSearch {
    pub id: i64,
    pub query: String,
}

fn main() {}
