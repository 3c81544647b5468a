// The reverse side of a ForeignKey is many-valued: prefetch it.
use related::prelude::*;

#[derive(Clone, Debug, related::Model)]
pub struct Author {
    pub id: i64,
    #[related(reverse = Post::author)]
    pub posts: Reverse<Post>,
}

#[derive(Clone, Debug, related::Model)]
pub struct Post {
    pub id: i64,
    pub author: ForeignKey<Author>,
}

fn main() {
    let _ = Author::query().select_related(Author::posts());
}
