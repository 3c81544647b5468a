#[derive(Clone, Debug, related::Model)]
pub struct Post {
    #[related(primary_key)]
    pub id: i64,
    #[related(colunm = "post_title")]
    pub title: String,
    #[related(table = "x", nullable)]
    pub body: String,
}

fn main() {}
