// The author was loaded, not its publisher: the second hop does not compile.
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

fn main() -> related::Result<()> {
    let db = related::Sqlite::open_in_memory()?;
    let posts = Post::query().select_related(Post::author()).fetch(&db)?;
    println!("{}", posts[0].author().publisher().name);
    Ok(())
}
