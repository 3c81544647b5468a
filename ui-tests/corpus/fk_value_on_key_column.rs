// Mistake: a ForeignKey field value compared with the key column (Django's filter(author=post.author))
// expect: ForeignKey
// fix: .key()
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn main() -> related::Result<()> {
    let db = related::Sqlite::open_in_memory()?;
    let post = Post::query().one(&db)?;
    let same_author = Post::query().filter(Post::author_id().eq(post.author)).all(&db)?;
    println!("{}", same_author.len());
    Ok(())
}
