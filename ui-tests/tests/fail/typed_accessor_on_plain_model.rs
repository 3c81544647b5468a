// `all()` returns plain models: their relations are not in their type, so
// the typed accessor `post.author()` is the "not loaded" error, which names
// `fetch` (typed rows) and `.get()?` (the plain model's field).
use related::prelude::*;

#[derive(Clone, Debug, related::Model)]
pub struct Author {
    pub id: i64,
    pub name: String,
}

#[derive(Clone, Debug, related::Model)]
pub struct Post {
    pub id: i64,
    pub author: ForeignKey<Author>,
}

fn main() -> related::Result<()> {
    let db = related::Sqlite::open_in_memory()?;
    let posts = Post::query().select_related(Post::author()).all(&db)?;
    println!("{}", posts[0].author().name);
    Ok(())
}
