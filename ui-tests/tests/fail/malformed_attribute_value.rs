#[derive(Clone, Debug, related::Model)]
#[related(table = 5)]
pub struct Post {
    #[related(primary_key = true)]
    pub id: i64,
    #[related(column)]
    pub title: String,
    #[related(column = "a", column = "b")]
    pub body: String,
}

#[derive(Clone, Debug, related::Model)]
pub struct Author {
    pub id: i64,
    #[related(reverse = "Post::author")]
    pub posts: related::Reverse<Post>,
    #[related(reverse = Post::author())]
    pub more_posts: related::Reverse<Post>,
}

fn main() {}
