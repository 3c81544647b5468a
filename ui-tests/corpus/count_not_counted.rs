// Mistake: reading a count the query did not ask for.
// expect: comment_count
// fix: count_related
#[allow(unused_imports)]
use related::prelude::*;

#[derive(Clone, Debug, related::Model)]
pub struct Comment {
    pub id: i64,
    pub article: ForeignKey<Article>,
}

#[derive(Clone, Debug, related::Model)]
pub struct Article {
    pub id: i64,
    #[related(reverse = Comment::article)]
    pub comments: Reverse<Comment>,
    pub comment_count: Counted<Comment>,
}

fn main() -> related::Result<()> {
    let db = related::Sqlite::open_in_memory()?;
    for article in Article::query().fetch(&db)? {
        println!("{} has {} comments", article.id, article.comment_count());
    }
    Ok(())
}
