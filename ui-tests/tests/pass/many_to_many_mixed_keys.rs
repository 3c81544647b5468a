// A many-to-many between models whose primary keys have different types,
// mirrored on both sides.
use related::prelude::*;

#[derive(Clone, Debug, Model)]
pub struct Tag {
    pub id: String,
    #[related(reverse = Post::tags)]
    pub posts: Reverse<Post>,
}

#[derive(Clone, Debug, Model)]
pub struct Post {
    pub id: i64,
    pub tags: ManyToMany<Tag>,
}

fn main() {
    let _ = Post::query().prefetch_related(Post::tags());
    let _ = Tag::query().prefetch_related(Tag::posts().then(Post::tags()));
}
