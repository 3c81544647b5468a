use related::prelude::*;

#[derive(Clone, Debug, related::Model)]
pub struct Author {
    pub id: i64,
}

#[derive(Clone, Debug, related::Model)]
pub struct Post {
    pub id: i64,
    pub author: ForeignKey<Author>,
    pub author_id: i64,
    pub title: String,
    #[related(column = "title")]
    pub headline: String,
}

fn main() {}
