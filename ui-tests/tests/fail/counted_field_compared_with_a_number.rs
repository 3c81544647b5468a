// A `Counted` field of a plain row compared with a number: one error
// naming `.get()?`, instead of "binary operation `>` cannot be applied".
use related::prelude::*;

#[derive(Clone, Debug, related::Model)]
pub struct Comment {
    pub id: i64,
    pub post: ForeignKey<Post>,
}

#[derive(Clone, Debug, related::Model)]
pub struct Post {
    pub id: i64,
    #[related(reverse = Comment::post)]
    pub comments: Reverse<Comment>,
    pub comment_count: Counted<Comment>,
}

fn main() -> related::Result<()> {
    let db = related::Sqlite::open_in_memory()?;
    let posts = Post::query()
        .count_related(Post::comments(), Post::comment_count())
        .all(&db)?;
    let busy = posts.iter().filter(|p| p.comment_count > 10).count();
    println!("{busy}");
    Ok(())
}
