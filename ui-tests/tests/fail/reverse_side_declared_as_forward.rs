// A field meant as the reverse side of `Post::tags` (its `reverse` names
// it) declared with the forward type: the error names the type to write.
use related::prelude::*;

#[derive(Clone, Debug, related::Model)]
pub struct Tag {
    pub id: i64,
    #[related(reverse = Post::tags)]
    pub posts: ManyToMany<Post>,
}

#[derive(Clone, Debug, related::Model)]
pub struct Post {
    pub id: i64,
    pub tags: ManyToMany<Tag>,
}

fn main() {}
