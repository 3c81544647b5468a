// `then` with a handle without its parentheses: one error naming it (and
// no second one from `select_related`, which cannot know the chain's type).
use related::prelude::*;

#[derive(Clone, Debug, related::Model)]
pub struct Publisher {
    pub id: i64,
}

#[derive(Clone, Debug, related::Model)]
pub struct Author {
    pub id: i64,
    pub publisher: ForeignKey<Publisher>,
}

#[derive(Clone, Debug, related::Model)]
pub struct Post {
    pub id: i64,
    pub author: ForeignKey<Author>,
}

fn main() {
    let _ = Post::query().select_related(Post::author().then(Author::publisher));
}
