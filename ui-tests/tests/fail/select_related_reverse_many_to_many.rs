// The reverse side of a ManyToMany is many-valued too.
use related::prelude::*;

#[derive(Clone, Debug, related::Model)]
pub struct Tag {
    pub id: i64,
    #[related(reverse = Post::tags)]
    pub posts: Reverse<Post>,
}

#[derive(Clone, Debug, related::Model)]
pub struct Post {
    pub id: i64,
    pub tags: ManyToMany<Tag>,
}

fn main() {
    let _ = Tag::query().select_related(Tag::posts());
}
