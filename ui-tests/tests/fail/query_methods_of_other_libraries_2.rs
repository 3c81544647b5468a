// Diesel's `get_results` / `get_result` / `or_filter`, Django's `using` and
// `explain`, sea-query's `Order::then`: one error each naming what to write.

#[derive(Clone, Debug, related::Model)]
pub struct Post {
    pub id: i64,
    pub title: String,
}

fn main() -> related::Result<()> {
    let db = related::Sqlite::open_in_memory()?;
    let _: Vec<Post> = Post::query().get_results(&db)?;
    let _: Post = Post::query().get_result(&db)?;
    let _ = Post::query().filter(Post::id().eq(1)).or_filter(Post::id().eq(2));
    let _ = Post::query().using("replica");
    let _ = Post::query().explain(&db);
    let _ = Post::query().order_by(Post::title().asc().then(Post::id().asc()));
    Ok(())
}
