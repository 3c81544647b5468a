// `link` adds a row to a link table: only many-to-many relations (either
// side) have one, not a foreign key nor its reverse side (one error each).
use related::prelude::*;

#[derive(Clone, Debug, related::Model)]
pub struct Author {
    pub id: i64,
    pub name: String,
    pub publisher: Option<ForeignKey<Publisher>>,
    #[related(reverse = Post::author)]
    pub posts: Reverse<Post>,
}

#[derive(Clone, Debug, related::Model)]
pub struct Publisher {
    pub id: i64,
}

#[derive(Clone, Debug, related::Model)]
pub struct Post {
    pub id: i64,
    pub title: String,
    pub subtitle: Option<String>,
    pub views: Option<i32>,
    pub author: ForeignKey<Author>,
    pub python_posts: Prefetched<Post>,
}

fn main() -> related::Result<()> {
    let db = related::Sqlite::open_in_memory()?;
    db.link(Post::author(), &1, &1)?;
    db.link(Author::posts(), &1, &1)?;
    Ok(())
}
