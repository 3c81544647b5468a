use related::prelude::*;

#[derive(Clone, Debug, related::Model)]
pub struct Author {
    pub id: i64,
}

#[derive(Clone, Debug, related::Model)]
pub struct Post {
    pub id: i64,
    #[related(through = "post_author", source_column = "post_id")]
    pub author: ForeignKey<Author>,
}

fn main() {}
