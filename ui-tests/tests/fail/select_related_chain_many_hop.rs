// One many-valued hop makes the whole chain many-valued.
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
    let _ = Post::query().select_related(Post::author().then(Author::posts()));
}
