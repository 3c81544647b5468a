// `reverse` names a relation of Post that points at another model.
use related::prelude::*;

#[derive(Clone, Debug, related::Model)]
pub struct Person {
    pub id: i64,
}

#[derive(Clone, Debug, related::Model)]
pub struct Author {
    pub id: i64,
    #[related(reverse = Post::editor)]
    pub posts: Reverse<Post>,
}

#[derive(Clone, Debug, related::Model)]
pub struct Post {
    pub id: i64,
    pub author: ForeignKey<Author>,
    pub editor: ForeignKey<Person>,
}

fn main() {}
