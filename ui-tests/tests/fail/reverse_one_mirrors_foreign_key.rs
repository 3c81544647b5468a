// ReverseOne mirrors a OneToOne; a ForeignKey can have many rows pointing back.
use related::prelude::*;

#[derive(Clone, Debug, related::Model)]
pub struct Author {
    pub id: i64,
    #[related(reverse = Post::author)]
    pub post: ReverseOne<Post>,
}

#[derive(Clone, Debug, related::Model)]
pub struct Post {
    pub id: i64,
    pub author: ForeignKey<Author>,
}

fn main() {}
