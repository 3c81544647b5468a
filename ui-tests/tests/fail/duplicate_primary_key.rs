#[derive(Clone, Debug, related::Model)]
pub struct Post {
    #[related(primary_key)]
    pub id: i64,
    #[related(primary_key)]
    pub slug: String,
}

fn main() {}
