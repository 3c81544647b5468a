// A function requiring a post with its author loaded rejects a row without it.
use related::prelude::*;

#[derive(Clone, Debug, related::Model)]
pub struct Publisher {
    pub id: i64,
    pub name: String,
}

#[derive(Clone, Debug, related::Model)]
pub struct Author {
    pub id: i64,
    pub name: String,
    pub publisher: ForeignKey<Publisher>,
}

#[derive(Clone, Debug, related::Model)]
pub struct Tag {
    pub id: i64,
    pub name: String,
}

#[derive(Clone, Debug, related::Model)]
pub struct Post {
    pub id: i64,
    pub title: String,
    pub author: ForeignKey<Author>,
    pub tags: ManyToMany<Tag>,
}

fn byline<L, A>(post: &related::Loaded<Post, L>) -> String
where
    L: PostHasAuthor<A>,
{
    format!("{} by {}", post.title, post.author().name)
}

fn main() -> related::Result<()> {
    let db = related::Sqlite::open_in_memory()?;
    let posts = Post::query().prefetch_related(Post::tags()).fetch(&db)?;
    println!("{}", byline(&posts[0]));
    Ok(())
}
