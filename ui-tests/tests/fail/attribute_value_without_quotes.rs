// An attribute's string value written without its quotes.
#[derive(Clone, Debug, related::Model)]
#[related(table = blog_post)]
pub struct Post {
    pub id: i64,
}

fn main() {}
