// `push` on a typed row's loaded many-to-many (Django's `post.tags.add`):
// one error naming `db.link(..)`.
#[path = "common/blog.rs"]
mod blog;

use blog::*;

fn main() -> related::Result<()> {
    let db = related::Sqlite::open_in_memory()?;
    let posts = Post::query().prefetch_related(Post::tags()).fetch(&db)?;
    let tag = Tag { id: 9, name: "new".into() };
    posts[0].tags().push(tag);
    Ok(())
}
