// A Prefetch put its rows in a `Prefetched` field with `.to(..)`; the row
// reads the relation's own field, which the query did not load.
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
    pub rust_tags: Prefetched<Tag>,
}

fn count(db: &related::Sqlite) -> related::Result<usize> {
    let posts = Post::query()
        .prefetch(Prefetch::new(Post::tags()).filter(Tag::name().eq("rust")).to(Post::rust_tags()))
        .fetch(db)?;
    Ok(posts.iter().map(|p| p.tags().len()).sum())
}

fn main() {
    let _ = count;
}
