use related::prelude::*;

#[derive(Clone, Debug, related::Model)]
pub struct Tag {
    pub id: i64,
    #[related(reverse = Post::tags, column = "post_id")]
    pub posts: Reverse<Post>,
}

#[derive(Clone, Debug, related::Model)]
pub struct Post {
    pub id: i64,
    #[related(reverse = Tag::posts)]
    pub tags: ManyToMany<Tag>,
    #[related(primary_key)]
    pub also_tags: ManyToMany<Tag>,
    #[related(reverse = Post::tags)]
    pub title: String,
}

fn main() {}
