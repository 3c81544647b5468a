// Reading a count the query did not fill does not compile: the error names
// the `count_related` call that fills it.
use related::prelude::*;

#[derive(Clone, Debug, related::Model)]
pub struct Tag {
    pub id: i64,
    pub name: String,
}

#[derive(Clone, Debug, related::Model)]
pub struct Post {
    pub id: i64,
    pub tags: ManyToMany<Tag>,
    pub tag_count: Counted<Tag>,
}

fn main() -> related::Result<()> {
    let db = related::Sqlite::open_in_memory()?;
    let posts = Post::query().prefetch_related(Post::tags()).fetch(&db)?;
    println!("{}", posts[0].tag_count());
    Ok(())
}
