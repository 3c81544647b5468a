#[derive(Clone, Debug, related::Model)]
pub struct Post {
    pub id: i64,
    pub views: u128,
    pub labels: Vec<String>,
}

fn main() {}
